package io.pgenrm.report;

import io.pgenrm.domain.CallCost;

/** Inducing every user's persona and clustering the prototypes: done once, shared by every plan and repeat. */
public record PopulationSetup(int personas, int prototypes, long calls, long cachedCalls, long promptTokens,
        long completionTokens, long wallMillis) {

    public static PopulationSetup of(int personas, int prototypes, CallCost cost, long wallMillis) {
        return new PopulationSetup(personas, prototypes, cost.calls(), cost.cachedCalls(), cost.promptTokens(),
                cost.completionTokens(), wallMillis);
    }
}
