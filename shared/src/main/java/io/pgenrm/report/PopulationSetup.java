package io.pgenrm.report;

import io.pgenrm.batch.FaultCounts;
import io.pgenrm.domain.CallCost;
import io.pgenrm.prototype.ProMMode;
import io.pgenrm.prototype.PrototypeIndex;
import java.util.Locale;

/**
 * Inducing every user's persona and clustering the prototypes: done once, shared by every plan and repeat.
 * {@code proM} says which Pro-M the prototypes serve, beginning with its name ({@code persona} or {@code paper}).
 * {@code faults} is how the endpoint behaved meanwhile.
 */
public record PopulationSetup(int personas, int prototypes, long calls, long cachedCalls, long promptTokens,
        long completionTokens, long wallMillis, String proM, FaultCounts faults) {

    public static PopulationSetup of(int personas, PrototypeIndex index, CallCost cost, long wallMillis) {
        return new PopulationSetup(personas, index.prototypes().size(), cost.calls(), cost.cachedCalls(),
                cost.promptTokens(), cost.completionTokens(), wallMillis, proM(index), FaultCounts.of(cost));
    }

    private static String proM(PrototypeIndex index) {
        int members = index.embeddings().size();
        if (index.mode() == ProMMode.PERSONA) {
            return String.format(Locale.ROOT, "persona: %d prototypes of %d users, each user placed by their persona",
                    index.prototypes().size(), members);
        }
        long users = index.embeddings().keySet().stream().map(index::ownerOf).distinct().count();
        return String.format(Locale.ROOT, "paper: %d prototypes of %d chain analyses of %d users' past choices, "
                + "each item placed by the analysis of its user's own chain", index.prototypes().size(), members, users);
    }
}
