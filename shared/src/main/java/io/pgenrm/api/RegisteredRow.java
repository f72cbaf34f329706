package io.pgenrm.api;

/**
 * Output of {@code registerHistoryRow}: the row's id; {@code history} when it is a train row, {@code stored} when this
 * call stored it (false for a row stored before, e.g. by a retried or repeated invocation).
 */
public record RegisteredRow(String itemId, boolean history, boolean stored) {
}
