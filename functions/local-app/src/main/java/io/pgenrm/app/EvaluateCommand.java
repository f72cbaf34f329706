package io.pgenrm.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pgenrm.batch.AccuracyReport;
import io.pgenrm.batch.Baseline;
import io.pgenrm.batch.BatchRunner;
import io.pgenrm.batch.BenchmarkDataset;
import io.pgenrm.batch.ConsoleProgress;
import io.pgenrm.batch.PlanSize;
import io.pgenrm.batch.RunInfo;
import io.pgenrm.batch.RunStore;
import io.pgenrm.batch.UserProfiles;
import io.pgenrm.domain.InvalidInputException;
import io.pgenrm.domain.ScalingPlan;
import io.pgenrm.judge.Judge;
import io.pgenrm.local.PopulationLearner;
import io.pgenrm.local.RewardModelFile;
import io.pgenrm.local.TextEmbedder;
import io.pgenrm.prototype.ProMMode;
import io.pgenrm.report.ConsoleSummary;
import io.pgenrm.report.EvaluationReport;
import io.pgenrm.report.PlanReport;
import io.pgenrm.report.PopulationSetup;
import io.pgenrm.report.ReportFiles;
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
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code pgenrm evaluate FILE}: evaluation batches over a PersonalRewardBench JSONL file, one per scaling plan and
 * repeat, over one population induced once. Each batch is its own resumable run; the report compares them.
 */
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

    @Option(names = "--plans", split = ",", paramLabel = "PLAN", converter = PlanSizeConverter.class,
            description = "Scaling plans to compare, e.g. ind1,ind8,ind4pro4,ind8pro4,ind16pro8 (indN, indNproM or "
                    + "N/M). Replaces --ind/--pro; default: the one plan they give.")
    List<PlanSize> plans;

    @Option(names = "--repeats", defaultValue = "1", converter = RepeatCountConverter.class,
            description = "Runs per plan that differ only in their sample seeds, for accuracy mean ± std.")
    int repeats;

    @Option(names = "--both-orders", description = "Score every sample with the candidates in both orders and "
            + "average, cancelling a judge's position bias (twice the scoring calls, same latency).")
    boolean bothOrders;

    @Option(names = "--self-weight", defaultValue = "0.5", description = "Weight of the Ind-N mean.")
    double selfWeight;

    @Option(names = "--prototype-weight", defaultValue = "0.5", description = "Weight of the Pro-M mean.")
    double prototypeWeight;

    @Option(names = "--prototypes", defaultValue = "0", description = "Number of prototypes (0 = about "
            + "sqrt(users/2), or 100 with --pro-m paper).")
    int prototypes;

    @Option(names = "--pro-m", paramLabel = "MODE", converter = ProMConverter.class, description = "How Pro-M finds "
            + "neighbours: persona (one vector per user) or paper (as the P-GenRM paper: prototypes of the chains' "
            + "analyses of every user's past choices, matched by the analysis of the user's own chain for the item; "
            + "llm backend, chain format; one more request per history pair to build). Default: pgenrm.pro-m.mode "
            + "(PGENRM_PRO_M), else persona.")
    ProMMode proM;

    @Option(names = "--run-id", description = "Run id; rerunning with the same id resumes (default: derived "
            + "from file, backend and scaling). With several plans each run appends its plan (-ind4-pro4); repeats "
            + "after the first append -r1, -r2...")
    String runId;

    @Option(names = "--concurrency", defaultValue = "4", description = "Evaluations in flight at once.")
    int concurrency;

    @Option(names = "--profiles", paramLabel = "FILE", description = "JSONL of {\"user_id\", \"profile\"} lines "
            + "(demographics, stated preferences) that feed persona induction; a row's own profile field wins.")
    Path profiles;

    @Option(names = "--model", paramLabel = "MODEL", description = "A population model written by 'pgenrm fit' "
            + "(local backend): used instead of learning one from this file's history rows.")
    Path model;

    @Option(names = "--report", description = "JSON report path; the HTML page goes beside it "
            + "(default: reports/REPORT_ID.json and .html).")
    Path report;

    @Spec
    CommandSpec spec;

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

    @Inject
    TextEmbedder embedder;

    @Override
    public Integer call() throws IOException {
        List<PlanSize> sizes = planSizes();
        List<ScalingPlan> scalings = scalings(sizes);
        ProMMode mode = proMMode();
        BenchmarkDataset data;
        try {
            pinModel();
            data = BenchmarkDataset.load(input, profiles == null ? Map.of() : UserProfiles.load(profiles));
        } catch (NoSuchFileException e) {
            System.err.println("pgenrm: no such file: " + input);
            return 2;
        } catch (InvalidInputException e) {
            System.err.println("pgenrm: " + e.getMessage());
            return 2;
        }
        System.out.printf(Locale.ROOT, "pgenrm: %d users, %d test items, %d rejected rows from %s (backend %s, "
                + "plan%s %s, %d repeat%s)%n", data.histories().size(), data.items().size(),
                data.rejectedRows().size(), input, judge.name(), sizes.size() == 1 ? "" : "s",
                sizes.stream().map(PlanSize::label).collect(Collectors.joining(" ")), repeats, repeats == 1 ? "" : "s");
        ExecutorService samplePool = Executors.newFixedThreadPool(config.maxInFlight());
        ExecutorService itemPool = Executors.newFixedThreadPool(Math.max(1, concurrency));
        try {
            long setupStarted = System.nanoTime();
            PopulationBuilder.Built built = PopulationBuilder.build(data.histories(), steps, samplePool, prototypes,
                    PopulationBuilder.PROTOTYPE_SEED, input.getFileName().toString(), mode, embedder);
            populationStore.save(built.population(), built.personas());
            population.replace(built.population());
            PopulationSetup setup = PopulationSetup.of(built.personas().size(), built.population().prototypes(),
                    built.cost(), (System.nanoTime() - setupStarted) / 1_000_000);
            System.out.printf(Locale.ROOT, "pgenrm: %d personas induced, %d prototypes (%d calls, %.1f s); Pro-M %s%s%n",
                    setup.personas(), setup.prototypes(), setup.calls(), setup.wallMillis() / 1000.0,
                    mode.label(), setup.faults().any() ? "; endpoint: " + setup.faults().text() : "");
            for (PopulationBuilder.Failure failure : built.failures()) {
                System.out.printf(Locale.ROOT, "pgenrm: no persona for user %s, left out of the prototypes: %s%n",
                        failure.userId(), failure.reason());
            }
            EvaluationWorkflow workflow = new EvaluationWorkflow(steps, population, samplePool,
                    config.itemDeadline());
            BatchRunner runner = new BatchRunner(workflow, runs, itemPool);
            // Both-orders runs score differently, so they must not resume a single-order run of the same plan.
            // So are paper Pro-M runs, whose neighbours are other users.
            RunIds ids = RunIds.of(input.getFileName().toString(), judge.name() + populationFingerprint(built)
                    + (bothOrders ? "-both-orders" : "") + (mode == ProMMode.PAPER ? "-pro-m-paper" : ""), runId,
                    sizes);
            List<PlanReport> planReports = new ArrayList<>();
            for (int p = 0; p < sizes.size(); p++) {
                PlanSize size = sizes.get(p);
                ScalingPlan scaling = scalings.get(p);
                List<AccuracyReport> repeated = new ArrayList<>();
                for (int repeat = 0; repeat < repeats; repeat++) {
                    String id = ids.run(size, repeat);
                    RunInfo run = new RunInfo(id, input.toString(), judge.name(), scaling);
                    String label = String.format(Locale.ROOT, "%s run %d/%d", size.label(), repeat + 1, repeats);
                    AccuracyReport runReport = runner.run(run, repeat, data, ConsoleProgress.onStandardOutput(label));
                    runs.closeRun(id, json.writeValueAsString(runReport));
                    repeated.add(runReport);
                }
                planReports.add(PlanReport.of(scaling, repeated));
            }
            EvaluationReport result = EvaluationReport.of(ids.report(), input.toString(), judge.name(), setup,
                    planReports, baselines(data), notes(data));
            ReportFiles.Written written = ReportFiles.write(result,
                    report != null ? report : Path.of("reports", ids.report() + ".json"), json);
            System.out.print(ConsoleSummary.of(result));
            System.out.println("report: " + written.json() + " and " + written.html());
            return 0;
        } finally {
            itemPool.shutdownNow();
            samplePool.shutdownNow();
        }
    }

    /**
     * For the local backend, a short hash of the population model and every user's history version (profiles
     * included): a run resumes only items scored with the same model and the same personas, so changing --model,
     * --profiles or the engine starts a new run instead of mixing results.
     */
    private static String populationFingerprint(PopulationBuilder.Built built) {
        var model = built.population().rewardModel();
        if (model == null) {
            return "";
        }
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            ByteBuffer weights = ByteBuffer.allocate(8 * model.weights().length);
            for (double w : model.weights()) {
                weights.putDouble(w);
            }
            digest.update(weights.array());
            built.population().users().values().stream().map(h -> h.userId() + '=' + h.version()).sorted()
                    .forEach(line -> digest.update(line.getBytes(StandardCharsets.UTF_8)));
            return "-" + HexFormat.of().formatHex(digest.digest(), 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    private void pinModel() {
        if (model == null) {
            return;
        }
        PopulationLearner learner = judge.populationLearner().orElseThrow(() -> new ParameterException(
                spec.commandLine(), "--model is for the local backend; this one is " + judge.name()));
        learner.pin(RewardModelFile.read(model, embedder));
    }

    private List<Baseline> baselines(BenchmarkDataset data) {
        List<Baseline> baselines = new ArrayList<>();
        baselines.add(Baseline.longer(data.items()));
        judge.populationLearner().ifPresent(learner -> baselines.add(
                Baseline.population(data.items(), learner.population(), embedder)));
        return baselines;
    }

    private List<String> notes(BenchmarkDataset data) {
        List<String> notes = new ArrayList<>();
        notes.add(data.valRows() == 0 ? "no val rows" : data.valRows() + " val rows used as history, like train rows");
        notes.add(data.usersWithProfile() + " of " + data.histories().size() + " users have a profile"
                + (profiles == null ? "" : " (profiles from " + profiles + ")"));
        var provenance = judge.populationLearner().map(learner -> learner.population().provenance());
        if (provenance.isPresent()) {
            var p = provenance.get();
            notes.add(String.format(Locale.ROOT, "population model %s: %d pairs of %d users from %s (sha256 %s)",
                    model != null ? "from " + model : "learned", p.pairs(), p.users(), p.data(),
                    p.dataSha256().substring(0, 12)));
        }
        return notes;
    }

    /** --pro-m, else the configured one; paper needs a judge that writes an analysis with every sample. */
    private ProMMode proMMode() {
        ProMMode mode;
        try {
            mode = proM != null ? proM : ProMMode.parse(config.proM().mode());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "Invalid pgenrm.pro-m.mode: " + e.getMessage());
        }
        if (mode == ProMMode.PAPER && !judge.writesAnalysis()) {
            throw new ParameterException(spec.commandLine(), "Pro-M paper clusters the analyses that chains write "
                    + "with each sample, and this backend (" + judge.name() + ") writes none: use PGENRM_BACKEND=llm "
                    + "with PGENRM_LLM_FORMAT=chain, or --pro-m persona");
        }
        return mode;
    }

    /** The plans of --plans in their order without repeats, else the one plan of --ind/--pro. */
    private List<PlanSize> planSizes() {
        if (plans == null) {
            try {
                return List.of(new PlanSize(ind, pro));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "Invalid --ind/--pro: " + e.getMessage());
            }
        }
        ParseResult parsed = spec.commandLine().getParseResult();
        if (parsed.hasMatchedOption("--ind") || parsed.hasMatchedOption("--pro")) {
            throw new ParameterException(spec.commandLine(),
                    "--plans replaces --ind and --pro: give the plans with --plans only");
        }
        return List.copyOf(new LinkedHashSet<>(plans));
    }

    /** Checked before the population is induced, so bad weights fail at once rather than after minutes. */
    private List<ScalingPlan> scalings(List<PlanSize> sizes) {
        try {
            return sizes.stream().map(size -> size.withWeights(selfWeight, prototypeWeight))
                    .map(s -> new ScalingPlan(s.ind(), s.pro(), s.selfWeight(), s.prototypeWeight(), bothOrders))
                    .toList();
        } catch (InvalidInputException e) {
            throw new ParameterException(spec.commandLine(), "Invalid --self-weight/--prototype-weight: "
                    + e.getMessage());
        }
    }

    /** Turns "ind4pro4" into a plan; picocli reports the message under the option's name. */
    static final class PlanSizeConverter implements ITypeConverter<PlanSize> {
        @Override
        public PlanSize convert(String value) {
            try {
                return PlanSize.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class ProMConverter implements ITypeConverter<ProMMode> {
        @Override
        public ProMMode convert(String value) {
            try {
                return ProMMode.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class RepeatCountConverter implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            int count;
            try {
                count = Integer.parseInt(value.strip());
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + value + "' is not a whole number");
            }
            if (count < 1) {
                throw new TypeConversionException("must be at least 1, got " + count);
            }
            return count;
        }
    }
}
