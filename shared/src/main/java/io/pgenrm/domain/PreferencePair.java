package io.pgenrm.domain;

import java.util.List;

/** A past choice of the user: for this conversation they preferred {@code chosen} over {@code rejected}. */
public record PreferencePair(List<Message> context, String chosen, String rejected) {
    public PreferencePair {
        context = Validation.copyOf(context, "context");
        Validation.require(chosen != null, "chosen", "is required");
        Validation.require(rejected != null, "rejected", "is required");
    }

    /** The last user turn: what the user asked for. */
    public String prompt() {
        return Scenario.lastUserTurn(context);
    }
}
