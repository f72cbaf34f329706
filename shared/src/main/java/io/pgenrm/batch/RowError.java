package io.pgenrm.batch;

/** An input line that could not be used, with why. */
public record RowError(String itemId, int line, String reason) {
}
