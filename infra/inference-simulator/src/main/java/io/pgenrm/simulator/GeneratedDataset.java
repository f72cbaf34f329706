package io.pgenrm.simulator;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The rows of a generated benchmark together with the truth behind them: each user's hidden weights and cluster.
 * The truth is not written to the JSONL file; it is for measuring how close a judge gets.
 */
public record GeneratedDataset(List<BenchmarkLine> rows, Map<String, PreferenceWeights> hiddenWeights,
        Map<String, Integer> clusters) {

    public GeneratedDataset {
        rows = List.copyOf(rows);
        hiddenWeights = Map.copyOf(hiddenWeights);
        clusters = Map.copyOf(clusters);
    }

    public List<BenchmarkLine> testRows() {
        return rows.stream().filter(r -> r.split().equals("test")).toList();
    }

    /** The share of test rows whose chosen answer has the higher hidden utility: the best any judge can do. */
    public double oracleAccuracy() {
        List<BenchmarkLine> tests = testRows();
        if (tests.isEmpty()) {
            return Double.NaN;
        }
        long agree = tests.stream().filter(r -> {
            PreferenceWeights w = hiddenWeights.get(r.userId());
            return w.utility(TextFeature.measure(r.chosen())) > w.utility(TextFeature.measure(r.rejected()));
        }).count();
        return (double) agree / tests.size();
    }

    public void writeJsonl(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (BenchmarkLine row : rows) {
                out.write(row.toJson());
                out.write('\n');
            }
        }
    }
}
