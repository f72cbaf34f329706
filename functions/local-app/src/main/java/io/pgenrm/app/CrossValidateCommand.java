package io.pgenrm.app;

import io.pgenrm.batch.BenchmarkDataset;
import io.pgenrm.batch.CrossValidation;
import io.pgenrm.batch.Proportion;
import io.pgenrm.local.LocalJudge;
import io.pgenrm.local.PopulationRewardModel;
import io.pgenrm.local.TextEmbedder;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pgenrm cv FILE}: cross-validates the local engine on history rows only (test rows are never read), which is
 * how its settings are chosen. Needs no database.
 */
@Dependent
@Unremovable
@Command(name = "cv", mixinStandardHelpOptions = true,
        description = "Cross-validate the local backend on a file's train and val rows (folds by user, each pair "
                + "predicted from the user's other pairs).")
public class CrossValidateCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "PersonalRewardBench JSONL; test rows are ignored.")
    Path input;

    @Option(names = "--folds", defaultValue = "5", description = "Folds of users.")
    int folds;

    @Option(names = "--seeds", defaultValue = "3", description = "Different splits into folds, averaged.")
    int seeds;

    @Option(names = "--interpretable-lambda", split = ",", defaultValue = "100",
            description = "Population penalties on the style and relevance weights to try, e.g. 10,100,300.")
    List<Double> interpretableLambdas;

    @Option(names = "--semantic-lambda", split = ",", defaultValue = "10",
            description = "Population penalties on the embedding weights to try.")
    List<Double> semanticLambdas;

    @Option(names = "--personal-lambda", split = ",", defaultValue = "10",
            description = "Penalties of the personal refit to try.")
    List<Double> personalLambdas;

    @Inject
    TextEmbedder embedder;

    @Override
    public Integer call() throws IOException {
        if (folds < 2 || seeds < 1) {
            System.err.println("pgenrm: --folds must be at least 2 and --seeds at least 1");
            return 2;
        }
        BenchmarkDataset data;
        try {
            data = BenchmarkDataset.load(input);
        } catch (NoSuchFileException e) {
            System.err.println("pgenrm: no such file: " + input);
            return 2;
        }
        System.out.printf(Locale.ROOT, "pgenrm: %d-fold cross-validation by user over %d seeds on the history rows "
                + "of %s (%s)%n", folds, seeds, input, embedder.name());
        List<PopulationRewardModel.Penalties> grid = new ArrayList<>();
        interpretableLambdas.forEach(i -> semanticLambdas.forEach(
                semantic -> grid.add(new PopulationRewardModel.Penalties(i, semantic))));
        for (PopulationRewardModel.Penalties penalties : grid) {
            for (double personalLambda : personalLambdas) {
                double[] sums = new double[3];
                Proportion first = null;
                int pairs = 0;
                for (int seed = 0; seed < seeds; seed++) {
                    CrossValidation.Result r = CrossValidation.run(data.histories(), embedder, folds, seed,
                            penalties, personalLambda);
                    sums[0] += r.accuracy(r.longer());
                    sums[1] += r.accuracy(r.population());
                    sums[2] += r.accuracy(r.personal());
                    pairs = r.pairs();
                    if (first == null) {
                        first = Proportion.of(r.personal().stream().map(h -> h ? 1.0 : 0.0).toList());
                    }
                }
                System.out.printf(Locale.ROOT, "lambda interpretable %-6s semantic %-5s personal %-5s %d pairs: "
                        + "longer %.2f%%  population %.2f%%  personalized %.2f%% (seed 0: %s)%n",
                        penalties.interpretable(), penalties.semantic(), personalLambda, pairs, 100 * sums[0] / seeds,
                        100 * sums[1] / seeds, 100 * sums[2] / seeds, first.asPercent());
            }
        }
        System.out.printf(Locale.ROOT, "defaults: lambda interpretable %s, semantic %s, personal %s%n",
                PopulationRewardModel.Penalties.DEFAULT.interpretable(),
                PopulationRewardModel.Penalties.DEFAULT.semantic(), LocalJudge.PERSONAL_LAMBDA);
        return 0;
    }
}
