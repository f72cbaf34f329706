package io.pgenrm.api;

/** Output of {@code recordBenchmarkItem}. {@code stored} is false when the item had been recorded before. */
public record RecordedItem(String itemId, String status, String reason, boolean stored) {
}
