package io.pgenrm.app;

import io.pgenrm.batch.BenchmarkDataset;
import io.pgenrm.batch.UserProfiles;
import io.pgenrm.domain.InvalidInputException;
import io.pgenrm.runtime.CurrentPopulation;
import io.pgenrm.runtime.PgenrmConfig;
import io.pgenrm.workflow.EvaluationSteps;
import io.pgenrm.workflow.PopulationBuilder;
import io.pgenrm.workflow.PopulationStore;
import io.quarkus.runtime.Quarkus;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The pgenrm command line: {@code evaluate} runs a batch, {@code fit} learns a population model, {@code cv}
 * cross-validates the local backend, {@code serve} serves the functions over HTTP.
 */
@Dependent
@Unremovable
@Command(name = "pgenrm", mixinStandardHelpOptions = true, version = "pgenrm 0.1.0",
        description = "Personalized generative reward model with test-time user-based scaling.",
        subcommands = {EvaluateCommand.class, FitCommand.class, CrossValidateCommand.class,
                LocalCommands.ServeCommand.class})
public class LocalCommands implements Runnable {
    private static final Set<String> WITH_DATABASE = Set.of("evaluate", "serve");

    /** Read by {@link ConsoleLogging} before Quarkus starts, since logging is set up with the application. */
    @Option(names = ConsoleLogging.VERBOSE, scope = ScopeType.INHERIT, description = "Print log records in full, "
            + "stack traces included, on the console too (they always go to the log file whose path is printed).")
    boolean verbose;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                "name a command: evaluate, fit, cv or serve");
    }

    private static final Set<String> HELP = Set.of("--help", "-h", "--version", "-V");

    static boolean needsDatabase(String[] args) {
        return args.length > 0 && WITH_DATABASE.contains(args[0]) && !asksForHelp(args);
    }

    static boolean asksForHelp(String[] args) {
        return args.length == 0 || java.util.Arrays.stream(args).anyMatch(HELP::contains);
    }

    @Dependent
    @Unremovable
    @Command(name = "serve", mixinStandardHelpOptions = true,
            description = "Serve every function, and the reward API (POST /v1/rewards, POST /get_reward), over HTTP "
                    + "until stopped.")
    static class ServeCommand implements Callable<Integer> {
        /** Read by {@link HttpListener} before Quarkus starts, since the listener opens with the application. */
        @Option(names = "--host", paramLabel = "ADDRESS", description = "Address to listen on, e.g. 0.0.0.0 for "
                + "every interface (default: PGENRM_HTTP_HOST, else 127.0.0.1). Any address beyond loopback "
                + "needs an API key in PGENRM_API_KEY, which every request then sends as 'Authorization: Bearer "
                + "KEY' or 'X-API-Key: KEY'.")
        String host;

        @Option(names = "--users", paramLabel = "FILE", description = "PersonalRewardBench JSONL whose history rows "
                + "(train, val) are the users to serve: their personas and prototypes are built at start and saved. "
                + "Default: the population last saved in the data directory (by evaluate, buildPopulation or serve).")
        Path users;

        @Option(names = "--profiles", paramLabel = "FILE", description = "JSONL of {\"user_id\", \"profile\"} "
                + "lines for --users, as for evaluate.")
        Path profiles;

        @Option(names = "--prototypes", defaultValue = "0", description = "Prototypes for --users (0 = about "
                + "sqrt(users/2)).")
        int prototypes;

        @Inject
        EvaluationSteps steps;

        @Inject
        CurrentPopulation population;

        @Inject
        PopulationStore store;

        @Inject
        PgenrmConfig config;

        @Override
        public Integer call() {
            if (users != null) {
                try {
                    serveUsers();
                } catch (NoSuchFileException e) {
                    System.err.println("pgenrm: no such file: " + e.getFile());
                    return 2;
                } catch (IOException | InvalidInputException e) {
                    System.err.println("pgenrm: " + e.getMessage());
                    return 2;
                }
            }
            Quarkus.waitForExit();
            return 0;
        }

        /** Requests that arrive before this is done are answered for the population served until then. */
        private void serveUsers() throws IOException {
            BenchmarkDataset data = BenchmarkDataset.load(users,
                    profiles == null ? Map.of() : UserProfiles.load(profiles));
            ExecutorService pool = Executors.newFixedThreadPool(config.maxInFlight());
            try {
                long started = System.nanoTime();
                PopulationBuilder.Built built = PopulationBuilder.build(data.histories(), steps, pool, prototypes,
                        PopulationBuilder.PROTOTYPE_SEED, users.getFileName().toString());
                store.save(built.population(), built.personas());
                population.replace(built.population());
                System.out.printf(Locale.ROOT, "pgenrm: serving %d users with %d prototypes from %s (%d failed, "
                        + "%.1f s)%n", built.population().users().size(),
                        built.population().prototypes().prototypes().size(), users, built.failures().size(),
                        (System.nanoTime() - started) / 1e9);
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
