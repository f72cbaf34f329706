package io.pgenrm.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A chain-shaped request as a fine-tuned checkpoint recognises one: somewhere it asks for a {@code better_response}
 * verdict between JSON markers, and its last user message lists the candidates, fenced ({@code [BEGIN RESPONSE n]})
 * or under {@code Response n:} lines. The user's past choices are read from any message, fenced
 * ({@code PREFERRED n}/{@code REJECTED n}) or as plain {@code User:}/{@code Chosen:}/{@code Rejected:} triples
 * before the paragraph that asks for the verdict.
 */
record OfficialPrompt(List<PreferenceWeights.Choice> history, List<String> responses) {
    private static final Pattern RESPONSE_HEADER = Pattern.compile("(?m)^Response (\\d+):[ \\t]*$");
    // A rejected answer may hold blank lines: it runs to the next "User:" pair or to the end of the history.
    private static final Pattern TRIPLE = Pattern.compile("(?ms)^Chosen: (.*?)\\n^Rejected: (.*?)(?=\\n\\n^User: |\\z)");

    static Optional<OfficialPrompt> parse(List<ChatCompletionRequest.Message> messages) {
        String all = String.join("\n", messages.stream().map(ChatCompletionRequest.Message::content).toList());
        if (!all.contains("better_response") || !all.contains("<JSON_START>")) {
            return Optional.empty();
        }
        String user = messages.stream().filter(m -> m.role().equals("user")).reduce((a, b) -> b)
                .map(ChatCompletionRequest.Message::content).orElse("");
        List<String> responses = JudgePrompt.parse(user).responses();
        if (responses.isEmpty()) {
            responses = labelled(user);
        }
        if (responses.size() < 2) {
            return Optional.empty();
        }
        List<PreferenceWeights.Choice> history = new ArrayList<>();
        for (ChatCompletionRequest.Message message : messages) {
            history.addAll(JudgePrompt.parse(message.content()).history());
            Matcher triple = TRIPLE.matcher(historyPart(message.content()));
            while (triple.find()) {
                history.add(new PreferenceWeights.Choice(triple.group(1).strip(), triple.group(2).strip()));
            }
        }
        return Optional.of(new OfficialPrompt(List.copyOf(history), List.copyOf(responses)));
    }

    /**
     * The text before the paragraph that asks for the verdict (the one holding the JSON marker), where a history
     * placed before the instructions ends.
     */
    private static String historyPart(String text) {
        int asks = text.indexOf("<JSON_START>");
        return asks < 0 ? text : text.substring(0, Math.max(0, text.lastIndexOf("\n\n", asks)));
    }

    /** The texts under "Response 1:", "Response 2:", ... lines, each up to the next such line. */
    private static List<String> labelled(String user) {
        List<String> texts = new ArrayList<>();
        Matcher header = RESPONSE_HEADER.matcher(user);
        int textStart = -1;
        while (header.find()) {
            if (textStart >= 0) {
                texts.add(user.substring(textStart, header.start()).strip());
            }
            textStart = header.end();
        }
        if (textStart >= 0) {
            texts.add(user.substring(textStart).strip());
        }
        return texts;
    }
}
