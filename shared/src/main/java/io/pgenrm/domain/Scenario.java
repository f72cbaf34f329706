package io.pgenrm.domain;

import java.util.List;

/** The prompt being judged (conversation so far) and the candidate responses to compare. */
public record Scenario(List<Message> context, List<String> candidates) {
    public static final int MAX_CANDIDATES = 16;

    public Scenario {
        context = Validation.copyOf(context, "context");
        Validation.require(!context.isEmpty(), "context", "must hold at least one message");
        candidates = Validation.copyOf(candidates, "candidates");
        Validation.require(candidates.size() >= 2 && candidates.size() <= MAX_CANDIDATES, "candidates",
                "must hold between 2 and " + MAX_CANDIDATES + " responses, got " + candidates.size());
    }

    public String prompt() {
        return lastUserTurn(context);
    }

    static String lastUserTurn(List<Message> context) {
        for (int i = context.size() - 1; i >= 0; i--) {
            if ("user".equals(context.get(i).role())) {
                return context.get(i).content();
            }
        }
        return context.isEmpty() ? "" : context.get(context.size() - 1).content();
    }
}
