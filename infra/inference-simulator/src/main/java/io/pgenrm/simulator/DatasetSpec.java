package io.pgenrm.simulator;

/**
 * What {@link DatasetGenerator} writes: {@code users} users drawn from {@code clusters} latent preference clusters,
 * each with a history length drawn from {@code history} and {@code testPerUser} test items. A user picks the answer
 * with the higher hidden utility with probability sigmoid(utility gap / {@code labelTemperature}), so a larger
 * temperature means noisier labels.
 */
public record DatasetSpec(int users, int testPerUser, HistoryLengths history, int clusters, double labelTemperature,
        long seed) {
    public static final int DEFAULT_CLUSTERS = 4;
    public static final double DEFAULT_LABEL_TEMPERATURE = 0.25;

    public DatasetSpec {
        if (users < 1 || testPerUser < 0 || clusters < 1 || !(labelTemperature > 0) || history == null) {
            throw new IllegalArgumentException("need users >= 1, testPerUser >= 0, clusters >= 1, "
                    + "labelTemperature > 0 and history lengths");
        }
    }

    public static DatasetSpec of(int users, int testPerUser, long seed) {
        return new DatasetSpec(users, testPerUser, HistoryLengths.DEFAULT, DEFAULT_CLUSTERS,
                DEFAULT_LABEL_TEMPERATURE, seed);
    }
}
