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
 * Renders the judge's prompts. Each user message runs from what is shared most to what is shared least
 * (instructions, then persona or history, then the conversation, then the rubric, then the candidates), so
 * samples for the same user and scenario share a long cacheable prefix. Candidates are listed last, in the
 * sample's shown order, as "Response 1", "Response 2", ..., each inside a {@link DataFence}.
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

    public RenderedPrompt persona(UserHistory history) {
        return prompt(PromptTemplates.PERSONA, Map.of("history", historyText(history)));
    }

    public RenderedPrompt rubric(Persona persona, Scenario scenario) {
        return prompt(PromptTemplates.RUBRIC, Map.of(
                "persona", personaText(persona),
                "conversation", conversationText(scenario.context())));
    }

    public RenderedPrompt scoring(Persona persona, Rubric rubric, Scenario scenario, CandidateOrder order) {
        return prompt(PromptTemplates.SCORING, Map.of(
                "persona", personaText(persona),
                "conversation", conversationText(scenario.context()),
                "rubric", rubricText(rubric),
                "response_keys", responseKeys(order.size()),
                PromptTemplates.RESPONSES, responsesText(scenario, order)));
    }

    /** The single-generation chain: analysis, weighted criteria and verdict. {@code history} may be null. */
    public RenderedPrompt chain(Persona persona, UserHistory history, Scenario scenario, CandidateOrder order) {
        return prompt(PromptTemplates.CHAIN, Map.of(
                "persona", personaText(persona),
                "history", history == null ? "(not provided)" : historyText(history),
                "conversation", conversationText(scenario.context()),
                "response_keys", responseKeys(order.size()),
                PromptTemplates.RESPONSES, responsesText(scenario, order)));
    }

    private RenderedPrompt prompt(String template, Map<String, String> values) {
        return new RenderedPrompt(templates.get(PromptTemplates.SYSTEM).strip(),
                templates.render(template, values).strip());
    }

    private String historyText(UserHistory history) {
        if (!history.hasSignals()) {
            return "(nothing is recorded for this user yet)";
        }
        StringBuilder out = new StringBuilder();
        profile(history.profile(), out);
        List<PreferencePair> pairs = history.pairs();
        if (!pairs.isEmpty()) {
            List<PreferencePair> shown = pairs.subList(Math.max(0, pairs.size() - limits.maxPairs()), pairs.size());
            out.append(shown.size() == pairs.size() ? "Past choices:\n"
                    : "Past choices (the " + shown.size() + " most recent of " + pairs.size() + "):\n");
            for (int i = 0; i < shown.size(); i++) {
                PreferencePair pair = shown.get(i);
                int n = i + 1;
                out.append("\nChoice ").append(n).append('\n')
                        .append(DataFence.wrap("CONVERSATION " + n, messages(pair.context(), true))).append('\n')
                        .append("The user preferred:\n")
                        .append(DataFence.wrap("PREFERRED " + n, limits.cut(pair.chosen()))).append('\n')
                        .append("over:\n")
                        .append(DataFence.wrap("REJECTED " + n, limits.cut(pair.rejected()))).append('\n');
            }
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
                    .append(DataFence.wrap("STATED PREFERENCES", bullets(profile.statedPreferences())))
                    .append("\n\n");
        }
        if (!profile.feedback().isEmpty()) {
            out.append("Feedback the user gave:\n")
                    .append(DataFence.wrap("FEEDBACK", bullets(profile.feedback()))).append("\n\n");
        }
    }

    private String bullets(List<String> items) {
        return items.stream().map(item -> "- " + limits.cut(item)).collect(Collectors.joining("\n"));
    }

    private String conversationText(List<Message> context) {
        return DataFence.wrap("CONVERSATION", messages(context, false));
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

    private static String responsesText(Scenario scenario, CandidateOrder order) {
        Validation.require(order.size() == scenario.candidates().size(), "order",
                "covers " + order.size() + " candidates but the scenario has " + scenario.candidates().size());
        List<String> shown = order.toShownOrder(scenario.candidates());
        return IntStream.range(0, shown.size())
                .mapToObj(p -> "Response " + (p + 1) + ":\n" + DataFence.wrap(DataFence.responseLabel(p), shown.get(p)))
                .collect(Collectors.joining("\n\n"));
    }
}
