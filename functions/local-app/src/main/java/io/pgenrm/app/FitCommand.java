package io.pgenrm.app;

import io.pgenrm.batch.BenchmarkDataset;
import io.pgenrm.domain.PreferencePair;
import io.pgenrm.domain.UserHistory;
import io.pgenrm.local.PopulationRewardModel;
import io.pgenrm.local.RewardModelFile;
import io.pgenrm.local.TextEmbedder;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pgenrm fit FILE --out MODEL}: learns the population reward model once from a file's history rows, so other
 * users can be evaluated with it ({@code evaluate --model MODEL}) while only their personal part is learned at test
 * time. Needs no database.
 */
@Dependent
@Unremovable
@Command(name = "fit", mixinStandardHelpOptions = true,
        description = "Fit the local backend's population reward model on a file's train and val rows.")
public class FitCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "PersonalRewardBench JSONL; test rows are ignored.")
    Path input;

    @Option(names = "--out", required = true, paramLabel = "MODEL", description = "Where to write the model (JSON).")
    Path out;

    @Option(names = "--interpretable-lambda", defaultValue = "100", description = "L2 penalty on the style and "
            + "relevance weights (defaults chosen by cross-validation, see 'pgenrm cv').")
    double interpretableLambda;

    @Option(names = "--semantic-lambda", defaultValue = "10", description = "L2 penalty on the embedding weights.")
    double semanticLambda;

    @Inject
    TextEmbedder embedder;

    @Override
    public Integer call() throws IOException {
        BenchmarkDataset data;
        try {
            data = BenchmarkDataset.load(input);
        } catch (NoSuchFileException e) {
            System.err.println("pgenrm: no such file: " + input);
            return 2;
        }
        List<PreferencePair> pairs = data.histories().values().stream()
                .sorted(Comparator.comparing(UserHistory::userId)).flatMap(h -> h.pairs().stream()).toList();
        if (pairs.isEmpty()) {
            System.err.println("pgenrm: " + input + " has no train or val rows to fit on");
            return 2;
        }
        long started = System.nanoTime();
        int users = (int) data.histories().values().stream().filter(h -> !h.pairs().isEmpty()).count();
        var penalties = new PopulationRewardModel.Penalties(interpretableLambda, semanticLambda);
        PopulationRewardModel model = PopulationRewardModel.fit(pairs, embedder, penalties, new PopulationRewardModel.Provenance(input.getFileName().toString(), sha256(input),
                        pairs.size(), users, Instant.now().toString()));
        RewardModelFile.write(model, out);
        System.out.printf(Locale.ROOT, "pgenrm: fitted on %d pairs of %d users from %s (%s, %s) in %.1f s: %s%n",
                pairs.size(), users, input, embedder.name(), penalties, (System.nanoTime() - started) / 1e9, out);
        return 0;
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file),
                MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
