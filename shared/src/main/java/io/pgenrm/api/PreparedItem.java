package io.pgenrm.api;

/** Output of {@code prepareBenchmarkItem}: the evaluation to run, or {@code skip} for history (train) rows. */
public record PreparedItem(String itemId, boolean skip, EvaluateRequest request, int expectedChoice) {
}
