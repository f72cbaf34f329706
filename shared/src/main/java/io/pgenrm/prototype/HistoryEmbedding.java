package io.pgenrm.prototype;

import io.pgenrm.domain.PreferencePair;
import io.pgenrm.domain.UserHistory;
import io.pgenrm.local.HashedTextEmbedder;
import java.util.Arrays;
import java.util.List;

/**
 * What a user's record says they prefer, as a vector, without asking a model: hashed word features of what they
 * chose minus what they passed over, plus their stated preferences and feedback. The persona vector of a judge that
 * induces no persona (the {@code chain} format, whose analysis comes with each sample), so Pro-M can still cluster
 * users before any sample is drawn.
 */
public final class HistoryEmbedding {
    private static final HashedTextEmbedder TEXT = new HashedTextEmbedder();

    private HistoryEmbedding() {
    }

    /** Unit length, or all zeros for a user with no signals. */
    public static List<Double> of(UserHistory history) {
        double[] sum = new double[HashedTextEmbedder.DIMENSIONS];
        for (PreferencePair pair : history.pairs()) {
            add(sum, TEXT.embed(pair.chosen()), 1);
            add(sum, TEXT.embed(pair.rejected()), -1);
        }
        for (String statement : history.profile().statedPreferences()) {
            add(sum, TEXT.embed(statement), 1);
        }
        for (String remark : history.profile().feedback()) {
            add(sum, TEXT.embed(remark), 1);
        }
        double norm = Math.sqrt(PersonaEmbedding.squaredNorm(sum));
        return Arrays.stream(sum).map(x -> norm == 0 ? 0 : x / norm).boxed().toList();
    }

    private static void add(double[] sum, double[] vector, double sign) {
        for (int i = 0; i < sum.length; i++) {
            sum[i] += sign * vector[i];
        }
    }
}
