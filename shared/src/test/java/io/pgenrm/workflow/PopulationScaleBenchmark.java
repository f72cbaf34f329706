package io.pgenrm.workflow;

import io.pgenrm.api.FittedPrototypes;
import io.pgenrm.api.PopulationBatch;
import io.pgenrm.api.PopulationPlan;
import io.pgenrm.api.PopulationSummary;
import io.pgenrm.batch.BenchmarkDataset;
import io.pgenrm.domain.Persona;
import io.pgenrm.domain.PreferencePair;
import io.pgenrm.domain.UserHistory;
import io.pgenrm.domain.UserProfile;
import io.pgenrm.judge.Judged;
import io.pgenrm.local.BgeSmallEmbedder;
import io.pgenrm.local.LocalJudge;
import io.pgenrm.prototype.Prototype;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The population-scale benchmark (infra/bench/population-scale.sh): builds the population of USERS synthetic users
 * through {@link PopulationBuild}'s steps, the ones build-population.asl.json runs, in this process with the local
 * engine (bge-small embeddings), and prints the time of each step and the peak memory.
 *
 * <p>Synthetic users: each draws 1 to 8 past choices from the example file's pairs (seeded), each kept or flipped at
 * random, so users disagree and their histories differ; the texts repeat, which the embedder's memo serves, so the
 * time is the build's own work (features, each user's refit, clustering) rather than embedding new text.
 *
 * <p>{@code java -Xmx3g -cp ... io.pgenrm.workflow.PopulationScaleBenchmark [USERS] [EXAMPLES.jsonl]}
 */
public final class PopulationScaleBenchmark {
    private PopulationScaleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int users = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path examples = Path.of(args.length > 1 ? args[1] : "examples/personal-reward-bench-sample.jsonl");
        int threads = Runtime.getRuntime().availableProcessors();
        HeapPeak heap = new HeapPeak();
        heap.start();

        long t0 = System.nanoTime();
        Map<String, UserHistory> histories = synthetic(users, examples, 7);
        int pairs = histories.values().stream().mapToInt(h -> h.pairs().size()).sum();
        print("synthetic users: %,d with %,d past choices (1-8 each) drawn from %s, in %.1f s", users, pairs,
                examples.getFileName(), seconds(t0));

        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            LocalJudge judge = new LocalJudge(new BgeSmallEmbedder());
            // No persona cache: on AWS the batches run in many Lambdas, none of which holds the whole population's
            // personas; one cache here would (about 10 KB a persona).
            PersonaCache none = new PersonaCache() {
                @Override
                public Optional<Judged<Persona>> find(String userId, String historyVersion, long seed) {
                    return Optional.empty();
                }

                @Override
                public void put(Judged<Persona> persona) {
                }
            };
            DirectEvaluationSteps steps = new DirectEvaluationSteps(judge, none, Population.EMPTY, Population.EMPTY, 0);
            // The in-memory store stands in for the database: it holds every user's history, as the tables do.
            InMemoryPopulationBuildStore store = new InMemoryPopulationBuildStore("bench", histories);
            PopulationBuild build = new PopulationBuild(steps, judge, store, pool);

            long started = System.nanoTime();
            long t = System.nanoTime();
            PopulationPlan plan = build.start("bench", 0);
            print("startPopulation: population model from %,d pairs (at most %,d), %,d users in %d batches of %d: %.1f s",
                    Math.min(pairs, PopulationBuild.MAX_MODEL_PAIRS), PopulationBuild.MAX_MODEL_PAIRS, plan.users(),
                    plan.batches(), plan.batchSize(), seconds(t));

            t = System.nanoTime();
            int personas = 0;
            int failed = 0;
            for (int batch = 0; batch < plan.batches(); batch++) {
                PopulationBatch done = build.inducePersonas(plan.buildId(), batch);
                personas += done.done();
                failed += done.failed();
            }
            double induce = seconds(t);
            print("inducePersonas: %,d personas, %d failed, %d batches on %d threads: %.1f s (%.2f ms a user, %.1f s a batch)",
                    personas, failed, plan.batches(), threads, induce, 1000 * induce / plan.users(),
                    induce / plan.batches());

            t = System.nanoTime();
            FittedPrototypes fitted = build.fitPrototypes(plan.buildId());
            double fit = seconds(t);
            print("fitPrototypes: %,d users into %d prototypes by %s: %.1f s", fitted.users(), fitted.prototypes(),
                    fitted.exact() ? "exact k-means++" : "mini-batch k-means", fit);

            t = System.nanoTime();
            int placed = 0;
            for (int batch = 0; batch < plan.batches(); batch++) {
                placed += build.assignPrototypes(plan.buildId(), batch).done();
            }
            print("assignPrototypes: %,d users placed in %d batches: %.1f s", placed, plan.batches(), seconds(t));

            t = System.nanoTime();
            PopulationSummary summary = build.publish(plan.buildId());
            print("publishPopulation: %,d users, %,d pairs, %,d personas, %d prototypes, %d failed users: %.1f s",
                    summary.users(), summary.pairs(), summary.personas(), summary.prototypes(), summary.failedUsers(),
                    seconds(t));
            print("total build: %.1f s", seconds(started));

            List<Integer> sizes = store.published().prototypes().prototypes().stream().map(Prototype::members)
                    .map(List::size).sorted().toList();
            print("prototype sizes: min %d, median %d, max %d", sizes.get(0), sizes.get(sizes.size() / 2),
                    sizes.get(sizes.size() - 1));
        } finally {
            pool.shutdownNow();
            heap.stopSampling();
        }
        print("peak heap in use (sampled every 50 ms): %,d MiB of %,d MiB max; peak resident set (VmHWM): %s",
                heap.peak() >> 20, Runtime.getRuntime().maxMemory() >> 20, residentPeak());
        print("fitPrototypes holds %,d users x %d dimensions as floats: %,d MiB", users, 384,
                ((long) users * 384 * Float.BYTES) >> 20);
    }

    /** Users s000000.. with 1-8 pairs each from the example file's pairs, each kept or flipped. */
    static Map<String, UserHistory> synthetic(int users, Path examples, long seed) throws IOException {
        BenchmarkDataset data = BenchmarkDataset.load(examples);
        List<PreferencePair> pool = new ArrayList<>();
        data.histories().values().forEach(h -> pool.addAll(h.pairs()));
        data.items().forEach(item -> pool.add(new PreferencePair(item.context(), item.chosen(), item.rejected())));
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, UserHistory> histories = new LinkedHashMap<>();
        for (int u = 0; u < users; u++) {
            int count = 1 + random.nextInt(8);
            List<PreferencePair> pairs = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                PreferencePair pair = pool.get(random.nextInt(pool.size()));
                pairs.add(random.nextBoolean() ? pair : new PreferencePair(pair.context(), pair.rejected(), pair.chosen()));
            }
            String id = String.format(Locale.ROOT, "s%06d", u);
            histories.put(id, new UserHistory(id, pairs, UserProfile.EMPTY));
        }
        return histories;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static void print(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }

    private static String residentPeak() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM:"))
                    .map(l -> l.substring(6).trim()).findFirst().orElse("n/a");
        } catch (IOException e) {
            return "n/a";
        }
    }

    /** The largest heap in use seen by a sampling thread (what the build holds at once, garbage included). */
    private static final class HeapPeak extends Thread {
        private final AtomicLong peak = new AtomicLong();
        private volatile boolean running = true;

        HeapPeak() {
            setDaemon(true);
        }

        @Override
        public void run() {
            while (running) {
                long used = ManagementFactory.getMemoryPoolMXBeans().stream()
                        .filter(p -> p.getType() == MemoryType.HEAP).mapToLong(p -> p.getUsage().getUsed()).sum();
                peak.accumulateAndGet(used, Math::max);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void stopSampling() {
            running = false;
        }

        long peak() {
            return peak.get();
        }
    }
}
