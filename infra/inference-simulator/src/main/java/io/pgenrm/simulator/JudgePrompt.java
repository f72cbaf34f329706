package io.pgenrm.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A user message as pgenrm renders it: instructions with data fenced as {@code [BEGIN <label> #<id>]} ...
 * {@code [END <label> #<id>]}. The kind is told from the JSON keys the instructions ask for, not from their
 * wording, so edited prompt templates are still recognised; fenced data is left out of that test because a
 * quoted conversation may mention any key.
 */
record JudgePrompt(Kind kind, String instructions, List<String> responses, List<PreferenceWeights.Choice> history,
        String lastConversation) {

    enum Kind { PERSONA, RUBRIC, SCORING, CHAIN, UNRECOGNISED }

    private static final Pattern FENCE =
            Pattern.compile("\\[BEGIN ([^\\]\\n#]+?) #([0-9a-f]+)]\\n(.*?)\\n?\\[END \\1 #\\2]", Pattern.DOTALL);
    private static final Pattern NUMBERED = Pattern.compile("(RESPONSE|PREFERRED|REJECTED) (\\d+)");

    static JudgePrompt parse(String userMessage) {
        StringBuilder instructions = new StringBuilder();
        Map<Integer, String> responses = new TreeMap<>();
        Map<Integer, String> preferred = new TreeMap<>();
        Map<Integer, String> rejected = new TreeMap<>();
        String conversation = "";
        Matcher fence = FENCE.matcher(userMessage);
        int from = 0;
        while (fence.find()) {
            instructions.append(userMessage, from, fence.start()).append("[data]");
            from = fence.end();
            String label = fence.group(1);
            String text = fence.group(3);
            Matcher numbered = NUMBERED.matcher(label);
            if (numbered.matches()) {
                int n = Integer.parseInt(numbered.group(2));
                switch (numbered.group(1)) {
                    case "RESPONSE" -> responses.put(n, text);
                    case "PREFERRED" -> preferred.put(n, text);
                    default -> rejected.put(n, text);
                }
            } else if (label.equals("CONVERSATION")) {
                conversation = text;
            }
        }
        instructions.append(userMessage.substring(from));
        List<PreferenceWeights.Choice> history = new ArrayList<>();
        preferred.forEach((n, text) -> {
            if (rejected.containsKey(n)) {
                history.add(new PreferenceWeights.Choice(text, rejected.get(n)));
            }
        });
        String text = instructions.toString();
        return new JudgePrompt(kind(text), text, List.copyOf(responses.values()), history, conversation);
    }

    private static Kind kind(String instructions) {
        if (instructions.contains("\"traits\"")) {
            return Kind.PERSONA;
        }
        if (instructions.contains("\"better_response\"")) {
            return Kind.CHAIN;
        }
        if (instructions.contains("\"scores\"")) {
            return Kind.SCORING;
        }
        if (instructions.contains("\"criteria\"")) {
            return Kind.RUBRIC;
        }
        return Kind.UNRECOGNISED;
    }
}
