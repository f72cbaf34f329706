package io.pgenrm.api;

import io.pgenrm.domain.CallCost;
import java.util.List;

/**
 * Output of {@code scoreSamples} and {@code recordSampleFailure}: the slots now stored, how many of them scored, and
 * what they cost. The chains themselves stay in storage.
 */
public record StoredChains(List<Integer> slots, int scored, CallCost cost) {
    public StoredChains {
        slots = List.copyOf(slots);
    }
}
