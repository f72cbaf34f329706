package io.pgenrm.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.pgenrm.bench.AccuracyReport;
import io.pgenrm.bench.BatchRunner;
import io.pgenrm.bench.BenchmarkDataset;
import io.pgenrm.bench.ConsoleProgress;
import io.pgenrm.bench.RunInfo;
import io.pgenrm.bench.RunStore;
import io.pgenrm.domain.ScalingPlan;
import io.pgenrm.judge.Judge;
import io.pgenrm.runtime.CurrentPopulation;
import io.pgenrm.runtime.PgenrmConfig;
import io.pgenrm.workflow.EvaluationSteps;
import io.pgenrm.workflow.EvaluationWorkflow;
import io.pgenrm.workflow.PopulationBuilder;
import io.pgenrm.workflow.PopulationStore;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pgenrm evaluate FILE}: an evaluation batch over a PersonalRewardBench JSONL file. */
@Dependent
@Unremovable
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Evaluate every test row of a PersonalRewardBench JSONL file and report accuracy.")
public class EvaluateCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "PersonalRewardBench JSONL (train rows = history).")
    Path input;

    @Option(names = "--ind", defaultValue = "4", description = "Ind-N: samples from the user's own persona.")
    int ind;

    @Option(names = "--pro", defaultValue = "4", description = "Pro-M: samples from similar users of the prototype.")
    int pro;

    @Option(names = "--self-weight", defaultValue = "0.5", description = "Weight of the Ind-N mean.")
    double selfWeight;

    @Option(names = "--prototype-weight", defaultValue = "0.5", description = "Weight of the Pro-M mean.")
    double prototypeWeight;

    @Option(names = "--prototypes", defaultValue = "0", description = "Number of prototypes (0 = about sqrt(users/2)).")
    int prototypes;

    @Option(names = "--run-id", description = "Run id; rerunning with the same id resumes (default: derived "
            + "from file, backend and scaling).")
    String runId;

    @Option(names = "--concurrency", defaultValue = "4", description = "Evaluations in flight at once.")
    int concurrency;

    @Option(names = "--report", description = "JSON report path (default: reports/RUN_ID.json).")
    Path report;

    @Inject
    EvaluationSteps steps;

    @Inject
    Judge judge;

    @Inject
    CurrentPopulation population;

    @Inject
    PopulationStore populationStore;

    @Inject
    RunStore runs;

    @Inject
    PgenrmConfig config;

    @Inject
    ObjectMapper json;

    @Override
    public Integer call() throws IOException {
        ScalingPlan scaling = new ScalingPlan(ind, pro, selfWeight, prototypeWeight);
        BenchmarkDataset data;
        try {
            data = BenchmarkDataset.load(input);
        } catch (NoSuchFileException e) {
            System.err.println("pgenrm: no such file: " + input);
            return 2;
        }
        String id = runId != null ? runId : defaultRunId(scaling);
        RunInfo run = new RunInfo(id, input.toString(), judge.name(), scaling);
        System.out.printf(Locale.ROOT, "pgenrm: %d users, %d test items, %d rejected rows from %s (backend %s, %s)%n",
                data.histories().size(), data.items().size(), data.rejectedRows().size(), input, judge.name(),
                scaling.label());
        ExecutorService samplePool = Executors.newFixedThreadPool(config.maxInFlight());
        ExecutorService itemPool = Executors.newFixedThreadPool(Math.max(1, concurrency));
        try {
            PopulationBuilder.Built built = PopulationBuilder.build(data.histories(), steps, samplePool, prototypes,
                    7);
            populationStore.save(built.population(), built.personas());
            population.replace(built.population());
            System.out.printf(Locale.ROOT, "pgenrm: %d personas induced, %d prototypes (%d calls)%n",
                    built.personas().size(), built.population().prototypes().prototypes().size(),
                    built.cost().calls());
            EvaluationWorkflow workflow = new EvaluationWorkflow(steps, population, samplePool);
            AccuracyReport result = new BatchRunner(workflow, runs, itemPool)
                    .run(run, 0, data, ConsoleProgress.onStandardOutput(scaling.label()));
            String text = json.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(result);
            runs.closeRun(id, text);
            Path target = report != null ? report : Path.of("reports", id + ".json");
            if (target.getParent() != null) {
                Files.createDirectories(target.getParent());
            }
            Files.writeString(target, text);
            System.out.print(result.summary());
            System.out.println("report: " + target);
            return 0;
        } finally {
            itemPool.shutdownNow();
            samplePool.shutdownNow();
        }
    }

    private String defaultRunId(ScalingPlan scaling) {
        String file = input.getFileName().toString().replaceFirst("\\.jsonl?$", "");
        return String.format(Locale.ROOT, "%s-%s-ind%d-pro%d", file, judge.name().replace('/', '-'), scaling.ind(),
                scaling.pro());
    }
}
