package io.pgenrm.api;

/**
 * One planned sample of a {@link SampleJob}: its place among the evaluation's samples ({@code slot}, the order of the
 * result's chains), its index within its source, and its seed.
 */
public record SampleSlot(int slot, int sampleIndex, long seed) {
}
