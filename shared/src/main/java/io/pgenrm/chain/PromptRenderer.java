package io.pgenrm.chain;

import io.pgenrm.domain.Criterion;
import io.pgenrm.domain.Message;
import io.pgenrm.domain.Persona;
import io.pgenrm.domain.PersonaTrait;
import io.pgenrm.domain.PreferencePair;
import io.pgenrm.domain.Rubric;
import io.pgenrm.domain.Scenario;
import io.pgenrm.domain.UserHistory;
import io.pgenrm.domain.UserProfile;
import io.pgenrm.domain.Validation;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Renders the judge's prompts from a prompt set ({@link PromptTemplates}). Each message runs from what is shared
 * most to what is shared least (instructions, then persona or history, then the conversation, then the rubric,
 * then the candidates), so samples for the same user and scenario share a long cacheable prefix. Candidates are
 * listed last, in the sample's shown order, through the set's response template ("Response 1", "Response 2", ...);
 * past choices go through its history-pair template. With the layout's data fences on, every quoted text sits
 * inside a {@link DataFence}.
 */
public final class PromptRenderer {
    private final PromptTemplates templates;
    private final HistoryLimits limits;

    public PromptRenderer(PromptTemplates templates) {
        this(templates, HistoryLimits.DEFAULT);
    }

    public PromptRenderer(PromptTemplates templates, HistoryLimits limits) {
        this.templates = templates;
        this.limits = limits;
    }

    /** A user's own choices are drawn once (seed 0) for their persona: it is induced once per history. */
    public RenderedPrompt persona(UserHistory history) {
        return prompt(PromptTemplates.PERSONA, Map.of("history", historyText(history, 0)));
    }

    public RenderedPrompt rubric(Persona persona, Scenario scenario) {
        return prompt(PromptTemplates.RUBRIC, Map.of(
                "persona", personaText(persona),
                "conversation", conversationText(scenario.context()),
                "prompt", data("PROMPT", scenario.prompt())));
    }

    public RenderedPrompt scoring(Persona persona, Rubric rubric, Scenario scenario, CandidateOrder order) {
        return prompt(PromptTemplates.SCORING, Map.of(
                "persona", personaText(persona),
                "conversation", conversationText(scenario.context()),
                "prompt", data("PROMPT", scenario.prompt()),
                "rubric", rubricText(rubric),
                "response_keys", responseKeys(order.size()),
                PromptTemplates.RESPONSES, responsesText(scenario, order)));
    }

    /**
     * The single generation: analysis, weighted criteria and verdict, judged from the user's own record (the
     * analysis is the persona). {@code fewShotSeed} draws the past choices shown when the layout selects at random:
     * the item's seed, so all samples of an item share one prompt. {@code history} may be null.
     */
    public RenderedPrompt chain(UserHistory history, Scenario scenario, CandidateOrder order, long fewShotSeed) {
        return prompt(PromptTemplates.CHAIN, Map.of(
                "history", history == null ? "(not provided)" : historyText(history, fewShotSeed),
                "conversation", conversationText(scenario.context()),
                "prompt", data("PROMPT", scenario.prompt()),
                "response_keys", responseKeys(order.size()),
                PromptTemplates.RESPONSES, responsesText(scenario, order)));
    }

    private RenderedPrompt prompt(String kind, Map<String, String> values) {
        return new RenderedPrompt(templates.render(templates.systemFor(kind), values).strip(),
                templates.render(kind, values).strip());
    }

    private String data(String label, String text) {
        return templates.layout().dataFences() ? DataFence.wrap(label, text) : text;
    }

    private String historyText(UserHistory history, long fewShotSeed) {
        if (!history.hasSignals()) {
            return "(nothing is recorded for this user yet)";
        }
        StringBuilder out = new StringBuilder();
        profile(history.profile(), out);
        List<PreferencePair> shown = FewShots.select(history.pairs(), templates.layout(), history.userId(),
                fewShotSeed);
        for (int i = 0; i < shown.size(); i++) {
            PreferencePair pair = shown.get(i);
            String n = Integer.toString(i + 1);
            out.append(templates.render(PromptTemplates.HISTORY_PAIR, Map.of(
                    "number", n,
                    "prompt", data("PROMPT " + n, limits.cut(pair.prompt())),
                    "conversation", data("CONVERSATION " + n, messages(pair.context(), true)),
                    "chosen", data("PREFERRED " + n, limits.cut(pair.chosen())),
                    "rejected", data("REJECTED " + n, limits.cut(pair.rejected())))).strip()).append("\n\n");
        }
        return out.toString().strip();
    }

    private void profile(UserProfile profile, StringBuilder out) {
        if (!profile.demographics().isEmpty()) {
            out.append("About the user:\n").append(profile.demographics().entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .map(e -> "- " + e.getKey() + ": " + limits.cut(e.getValue()))
                    .collect(Collectors.joining("\n"))).append("\n\n");
        }
        if (!profile.statedPreferences().isEmpty()) {
            out.append("Preferences the user stated:\n")
                    .append(data("STATED PREFERENCES", bullets(profile.statedPreferences())))
                    .append("\n\n");
        }
        if (!profile.feedback().isEmpty()) {
            out.append("Feedback the user gave:\n")
                    .append(data("FEEDBACK", bullets(profile.feedback()))).append("\n\n");
        }
    }

    private String bullets(List<String> items) {
        return items.stream().map(item -> "- " + limits.cut(item)).collect(Collectors.joining("\n"));
    }

    private String conversationText(List<Message> context) {
        return data("CONVERSATION", messages(context, false));
    }

    private String messages(List<Message> messages, boolean cut) {
        return messages.stream()
                .map(m -> m.role() + ": " + (cut ? limits.cut(m.content()) : m.content()))
                .collect(Collectors.joining("\n"));
    }

    private static String personaText(Persona persona) {
        if (persona.analysis().isBlank() && persona.traits().isEmpty()) {
            return "(no preferences are known for this user; judge as a thoughtful general user would)";
        }
        StringBuilder out = new StringBuilder();
        if (!persona.analysis().isBlank()) {
            out.append(persona.analysis().strip()).append('\n');
        }
        for (PersonaTrait trait : persona.traits()) {
            out.append("- [").append(trait.dimension().name().toLowerCase(Locale.ROOT)).append(", strength ")
                    .append(String.format(Locale.ROOT, "%.1f", trait.strength())).append("] ")
                    .append(trait.statement().strip()).append('\n');
        }
        return out.toString().strip();
    }

    private static String rubricText(Rubric rubric) {
        return rubric.criteria().stream()
                .map(c -> "- " + c.name() + " (" + percent(c) + "%): " + c.description())
                .collect(Collectors.joining("\n"));
    }

    private static String percent(Criterion criterion) {
        double w = criterion.weight();
        return w == Math.rint(w) ? Long.toString((long) w) : String.format(Locale.ROOT, "%.1f", w);
    }

    private static String responseKeys(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> "response_" + i).collect(Collectors.joining(", "));
    }

    private String responsesText(Scenario scenario, CandidateOrder order) {
        Validation.require(order.size() == scenario.candidates().size(), "order",
                "covers " + order.size() + " candidates but the scenario has " + scenario.candidates().size());
        List<String> shown = order.toShownOrder(scenario.candidates());
        return IntStream.range(0, shown.size())
                .mapToObj(p -> templates.render(PromptTemplates.RESPONSE, Map.of(
                        "number", Integer.toString(p + 1),
                        "response", data(DataFence.responseLabel(p), shown.get(p)))).strip())
                .collect(Collectors.joining("\n\n"));
    }
}
