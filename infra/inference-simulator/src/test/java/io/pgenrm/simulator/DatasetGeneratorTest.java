package io.pgenrm.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.pgenrm.batch.BenchmarkDataset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetGeneratorTest {
    @TempDir
    Path dir;

    @Test
    void writesAFilePgenrmLoadsWithoutRejectedRows() throws Exception {
        GeneratedDataset data = new DatasetGenerator().generate(DatasetSpec.of(60, 3, 7));
        Path file = dir.resolve("bench.jsonl");
        data.writeJsonl(file);

        BenchmarkDataset loaded = BenchmarkDataset.load(file);

        assertThat(loaded.rejectedRows()).isEmpty();
        assertThat(loaded.items()).hasSize(180);
        assertThat(loaded.histories()).hasSize(60);
        assertThat(Files.readAllLines(file)).hasSize(data.rows().size());
        Map<String, Long> historyLengths = data.rows().stream().filter(r -> r.split().equals("train"))
                .collect(Collectors.groupingBy(BenchmarkLine::userId, Collectors.counting()));
        assertThat(60 - historyLengths.size()).as("cold-start users").isPositive();
        assertThat(historyLengths.values()).anyMatch(n -> n >= 10).anyMatch(n -> n < 5);
    }

    @Test
    void theSameSeedGivesTheSameDataAndAnotherSeedOtherData() {
        DatasetGenerator generator = new DatasetGenerator();

        GeneratedDataset first = generator.generate(DatasetSpec.of(20, 2, 1));
        GeneratedDataset again = generator.generate(DatasetSpec.of(20, 2, 1));
        GeneratedDataset other = generator.generate(DatasetSpec.of(20, 2, 2));

        assertThat(again.rows()).isEqualTo(first.rows());
        assertThat(other.rows()).isNotEqualTo(first.rows());
    }

    @Test
    void labelsFollowHiddenWeightsWithSomeNoise() {
        GeneratedDataset data = new DatasetGenerator().generate(DatasetSpec.of(200, 4, 3));

        assertThat(data.oracleAccuracy()).isBetween(0.78, 0.92);
    }

    @Test
    void usersOfOneClusterShareTheirPreferences() {
        GeneratedDataset data = new DatasetGenerator().generate(DatasetSpec.of(80, 0, 5));
        double within = 0;
        double across = 0;
        int withinPairs = 0;
        int acrossPairs = 0;
        for (String a : data.hiddenWeights().keySet()) {
            for (String b : data.hiddenWeights().keySet()) {
                if (a.compareTo(b) < 0) {
                    double cosine = cosine(data.hiddenWeights().get(a).weights(), data.hiddenWeights().get(b).weights());
                    if (data.clusters().get(a).equals(data.clusters().get(b))) {
                        within += cosine;
                        withinPairs++;
                    } else {
                        across += cosine;
                        acrossPairs++;
                    }
                }
            }
        }

        assertThat(within / withinPairs).isGreaterThan(0.7);
        assertThat(across / acrossPairs).isLessThan(0.2);
    }

    @Test
    void historyLengthsParseFromTheirSpec() {
        HistoryLengths lengths = HistoryLengths.parse("0:1, 3-5:3");

        assertThat(lengths.buckets()).containsExactly(new HistoryLengths.Bucket(0, 0, 1),
                new HistoryLengths.Bucket(3, 5, 3));
    }

    private static double cosine(double[] a, double[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot / Math.sqrt(Arrays.stream(a).map(x -> x * x).sum() * Arrays.stream(b).map(x -> x * x).sum());
    }
}
