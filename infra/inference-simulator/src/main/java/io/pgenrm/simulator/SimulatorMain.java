package io.pgenrm.simulator;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code serve}: run the simulated endpoint; {@code generate}: write a synthetic PersonalRewardBench file. */
@Command(name = "pgenrm-inference-simulator", mixinStandardHelpOptions = true,
        description = "A simulated OpenAI-compatible endpoint with a noisy personalized judge.",
        subcommands = {SimulatorMain.Serve.class, SimulatorMain.Generate.class})
public final class SimulatorMain implements Runnable {
    @Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine line = new CommandLine(new SimulatorMain());
        line.registerConverter(LatencyDistribution.class, LatencyDistribution::parse);
        line.registerConverter(HistoryLengths.class, HistoryLengths::parse);
        line.registerConverter(JudgeStyle.class, JudgeStyle::parse);
        return line;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a subcommand: serve or generate");
    }

    @Command(name = "serve", mixinStandardHelpOptions = true,
            description = "Serve POST /v1/chat/completions, GET /v1/models and GET /stats until stopped.")
    static final class Serve implements Callable<Integer> {
        @Option(names = "--host", defaultValue = "127.0.0.1", description = "address to bind (default ${DEFAULT-VALUE})")
        String host;

        @Option(names = "--port", defaultValue = "8000", description = "port, 0 for any free one (default ${DEFAULT-VALUE})")
        int port;

        @Option(names = "--latency", defaultValue = "fixed:200",
                description = "fixed:<ms> | uniform:<min>:<max> | lognormal:<median ms>:<sigma> (default ${DEFAULT-VALUE})")
        LatencyDistribution latency;

        @Option(names = "--max-concurrency", defaultValue = "64", description = "service slots (default ${DEFAULT-VALUE})")
        int maxConcurrency;

        @Option(names = "--max-queue", description = "waiting requests before 429s (default unbounded)")
        Integer maxQueue;

        @Option(names = "--error-rate", defaultValue = "0", description = "share of 500/502/503 answers")
        double errorRate;

        @Option(names = "--rate-limit-rate", defaultValue = "0", description = "share of immediate 429 answers")
        double rateLimitRate;

        @Option(names = "--timeout-rate", defaultValue = "0", description = "share of requests held, then closed")
        double timeoutRate;

        @Option(names = "--hang-ms", defaultValue = "120000", description = "how long those are held (default ${DEFAULT-VALUE})")
        long hangMillis;

        @Option(names = "--malformed-rate", defaultValue = "0", description = "share of choices made unparseable")
        double malformedRate;

        @Option(names = "--noise", defaultValue = "1.5", description = "Gaussian noise sigma on each 1-10 score (default ${DEFAULT-VALUE})")
        double noise;

        @Option(names = "--position-bias", defaultValue = "0", description = "points added to the response shown first")
        double positionBias;

        @Option(names = "--seed", defaultValue = "1", description = "fault seed (default ${DEFAULT-VALUE})")
        long seed;

        @Option(names = "--model", defaultValue = SimulatorSettings.DEFAULT_MODEL, description = "model id listed by /v1/models")
        String model;

        @Option(names = "--style", defaultValue = "pgenrm",
                description = "pgenrm (every pgenrm prompt kind) | official (chains only, as a fine-tuned P-GenRM; "
                        + "anything else gets prose) (default ${DEFAULT-VALUE})")
        JudgeStyle style;

        @Option(names = "--cut-off-rate", defaultValue = "0",
                description = "official style: share of chains that run past max_tokens and are cut")
        double cutOffRate;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws InterruptedException {
            SimulatorSettings settings = SimulatorSettings.builder().latency(latency).maxConcurrency(maxConcurrency)
                    .maxQueue(maxQueue == null ? SimulatorSettings.UNBOUNDED_QUEUE : maxQueue).errorRate(errorRate)
                    .rateLimitRate(rateLimitRate).timeoutRate(timeoutRate).hangMillis(hangMillis)
                    .malformedRate(malformedRate).noiseSigma(noise).positionBias(positionBias).seed(seed)
                    .modelName(model).style(style).cutOffRate(cutOffRate).build();
            SimulatedInferenceServer server = new SimulatedInferenceServer(settings, new InetSocketAddress(host, port));
            server.start();
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                stopped.countDown();
            }));
            PrintWriter out = spec.commandLine().getOut();
            out.printf("pgenrm-inference-simulator: serving %s (%d slots, latency %s, %s style)%n", server.baseUrl(),
                    maxConcurrency, latency, style.name().toLowerCase(Locale.ROOT));
            out.flush();
            stopped.await();
            return 0;
        }
    }

    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = "Write a synthetic PersonalRewardBench JSONL file with clustered hidden user preferences.")
    static final class Generate implements Callable<Integer> {
        @Option(names = "--users", defaultValue = "250", description = "users (default ${DEFAULT-VALUE})")
        int users;

        @Option(names = "--test-per-user", defaultValue = "4", description = "test items per user (default ${DEFAULT-VALUE})")
        int testPerUser;

        @Option(names = "--history", defaultValue = "0:0.1,1-4:0.2,5-9:0.2,10-20:0.5",
                description = "history lengths as <min>[-<max>]:<share>,... (default ${DEFAULT-VALUE})")
        HistoryLengths history;

        @Option(names = "--clusters", defaultValue = "4", description = "latent preference clusters (default ${DEFAULT-VALUE})")
        int clusters;

        @Option(names = "--label-temperature", defaultValue = "0.25",
                description = "Bradley-Terry temperature of the users' choices; larger is noisier (default ${DEFAULT-VALUE})")
        double labelTemperature;

        @Option(names = "--seed", defaultValue = "7", description = "(default ${DEFAULT-VALUE})")
        long seed;

        @Option(names = "--out", required = true, description = "JSONL file to write")
        Path out;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            GeneratedDataset data = new DatasetGenerator().generate(
                    new DatasetSpec(users, testPerUser, history, clusters, labelTemperature, seed));
            data.writeJsonl(out);
            int tests = data.testRows().size();
            spec.commandLine().getOut().printf(Locale.ROOT,
                    "pgenrm-inference-simulator: wrote %d rows (%d train, %d test) for %d users to %s; "
                            + "oracle accuracy on test %.1f%%%n",
                    data.rows().size(), data.rows().size() - tests, tests, users, out, 100 * data.oracleAccuracy());
            return 0;
        }
    }
}
