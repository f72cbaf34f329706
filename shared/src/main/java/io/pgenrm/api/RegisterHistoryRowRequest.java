package io.pgenrm.api;

import io.pgenrm.batch.BenchmarkRow;
import io.pgenrm.domain.Validation;

/**
 * Input of {@code registerHistoryRow}: one row of a batch's JSONL with its index among the file's rows
 * ({@code $$.Map.Item.Index}), from which its id derives as in {@code prepareBenchmarkItem}.
 */
public record RegisterHistoryRowRequest(String runId, int index, BenchmarkRow row) {
    public RegisterHistoryRowRequest {
        Validation.require(runId != null && !runId.isBlank(), "runId", "must not be blank");
        Validation.require(index >= 0, "index", "must not be negative");
        Validation.require(row != null, "row", "is required");
    }
}
