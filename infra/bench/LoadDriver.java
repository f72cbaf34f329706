import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load driver for infra/bench/load.sh: CLIENTS closed-loop clients, each sending its next request as soon as the last
 * one is answered, for WARMUP + DURATION seconds against a running {@code pgenrm serve}; only requests started after
 * the warm-up count. The mix is mostly whole evaluations, with the single steps beside them; every request carries
 * text no other request had (so no cache answers it), for one of 20 users. Prints requests, throughput, latency
 * percentiles (overall and per function) and every error by kind. An error is any answer but 200, or no answer
 * within the timeout.
 *
 * <p>Plain JDK (java.net.http), run as a single source file: {@code java LoadDriver.java URL CLIENTS DURATION WARMUP}.
 */
public class LoadDriver {
    private static final Duration TIMEOUT = Duration.ofSeconds(300);
    private static final String[] WORDS = {"tea", "egg", "tree", "bread", "river", "garden", "bike", "lamp", "sock",
            "cloud", "piano", "stone", "kite", "map", "salt", "chair"};

    record Sample(String path, long startedNanos, long micros, String error) {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int clients = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        int warmup = Integer.parseInt(args[3]);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(30)).build();
        long start = System.nanoTime();
        long measureFrom = start + warmup * 1_000_000_000L;
        long stopAt = measureFrom + seconds * 1_000_000_000L;
        List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
        AtomicLong serial = new AtomicLong();
        CountDownLatch done = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread thread = new Thread(() -> {
                SplittableRandom random = new SplittableRandom(client);
                try {
                    while (System.nanoTime() < stopAt) {
                        Map.Entry<String, String> request = request(random, serial.incrementAndGet());
                        long started = System.nanoTime();
                        String error = send(http, base + request.getKey(), request.getValue());
                        long micros = (System.nanoTime() - started) / 1_000;
                        if (started >= measureFrom) {
                            samples.add(new Sample(request.getKey(), started, micros, error));
                        }
                    }
                } finally {
                    done.countDown();
                }
            }, "client-" + c);
            thread.setDaemon(true);
            thread.start();
        }
        done.await();
        double measuredSeconds = (Math.max(stopAt, System.nanoTime()) - measureFrom) / 1e9;
        report(samples, clients, seconds, warmup, measuredSeconds);
    }

    private static String send(HttpClient http, String url, String body) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                String text = response.body();
                return "HTTP " + response.statusCode() + " " + text.substring(0, Math.min(120, text.length()));
            }
            return null;
        } catch (Exception e) {
            return e.getClass().getSimpleName();
        }
    }

    /** A function and its body: 50% evaluate, then scoreSample, generateRubric, inducePersona, aggregateScores. */
    private static Map.Entry<String, String> request(SplittableRandom random, long n) {
        String user = "u" + random.nextInt(20);
        String history = "{\"userId\": \"" + user + "\", \"pairs\": [" + pair(random, user, 0) + ", "
                + pair(random, user, 1) + "]}";
        String scenario = "{\"context\": [{\"role\": \"user\", \"content\": \"How do I look after a "
                + word(random) + " " + n + "?\"}], \"candidates\": [\"" + prose(random, n) + "\", \"" + list(random, n)
                + "\"]}";
        int pick = random.nextInt(20);
        if (pick < 10) {
            return Map.entry("/evaluate", "{\"requestId\": \"load-" + n + "\", \"userId\": \"" + user
                    + "\", \"history\": " + history + ", \"scenario\": " + scenario + ", \"scaling\": {\"ind\": 2, "
                    + "\"pro\": 0, \"selfWeight\": 0.5, \"prototypeWeight\": 0.5}}");
        }
        String persona = "{\"userId\": \"" + user + "\", \"featureWeights\": {\"LISTS\": " + random.nextDouble()
                + ", \"LENGTH\": -" + random.nextDouble() + "}}";
        if (pick < 13) {
            return Map.entry("/scoreSample", "{\"persona\": " + persona + ", \"rubric\": {\"criteria\": [{\"name\": "
                    + "\"Structured with bullet or numbered lists\", \"weight\": 60}, {\"name\": \"Concise, "
                    + "to-the-point answers\", \"weight\": 40}]}, \"scenario\": " + scenario + ", \"source\": "
                    + "\"SELF\", \"sampleIndex\": 0, \"seed\": " + n + ", \"itemSeed\": " + n + "}");
        }
        if (pick < 16) {
            return Map.entry("/generateRubric", "{\"persona\": " + persona + ", \"scenario\": " + scenario
                    + ", \"seed\": " + n + "}");
        }
        if (pick < 18) {
            return Map.entry("/inducePersona", "{\"history\": " + history + ", \"seed\": " + n + "}");
        }
        return Map.entry("/aggregateScores", "{\"userId\": \"" + user + "\", \"candidateCount\": 2, \"scaling\": "
                + "{\"ind\": 2, \"pro\": 0, \"selfWeight\": 0.5, \"prototypeWeight\": 0.5}, \"chains\": ["
                + chain(0, random) + ", " + chain(1, random) + "], \"prototypeId\": -1, \"neighbours\": []}");
    }

    private static String pair(SplittableRandom random, String user, int i) {
        String thing = word(random);
        return "{\"context\": [{\"role\": \"user\", \"content\": \"How do I make " + thing + "?\"}], \"chosen\": \"- "
                + word(random) + "\\n- " + word(random) + "\\n- done\", \"rejected\": \"You take the " + thing
                + " and the " + word(random) + ", then you " + word(random) + " it for " + user + " until done.\"}";
    }

    private static String chain(int index, SplittableRandom random) {
        double a = 1 + random.nextInt(9);
        double b = 1 + random.nextInt(9);
        return "{\"source\": \"SELF\", \"personaUserId\": \"u\", \"sampleIndex\": " + index + ", \"seed\": " + index
                + ", \"status\": \"OK\", \"scores\": [{\"candidate\": 0, \"criterionScores\": [" + a + "], \"total\": "
                + a + "}, {\"candidate\": 1, \"criterionScores\": [" + b + "], \"total\": " + b + "}]}";
    }

    private static String prose(SplittableRandom random, long n) {
        return "Keep the " + word(random) + " near the " + word(random) + " and check it every " + (n % 7 + 1)
                + " days; it likes " + word(random) + " and a little " + word(random) + ".";
    }

    private static String list(SplittableRandom random, long n) {
        return "- Keep it near the " + word(random) + "\\n- Check it every " + (n % 7 + 1) + " days\\n- Add "
                + word(random);
    }

    private static String word(SplittableRandom random) {
        return WORDS[random.nextInt(WORDS.length)];
    }

    private static void report(List<Sample> samples, int clients, int seconds, int warmup, double measured) {
        List<Sample> all = new ArrayList<>(samples);
        long errors = all.stream().filter(s -> s.error() != null).count();
        System.out.printf(Locale.ROOT, "clients %d, measured %d s after a %d s warm-up (%.1f s until the last "
                + "answer)%n", clients, seconds, warmup, measured);
        System.out.printf(Locale.ROOT, "requests %d, errors %d, throughput %.1f requests/s%n", all.size(), errors,
                all.size() / measured);
        System.out.println("latency (ms)     " + header());
        System.out.println("  all            " + percentiles(all));
        Map<String, List<Sample>> byPath = new TreeMap<>();
        all.forEach(s -> byPath.computeIfAbsent(s.path(), p -> new ArrayList<>()).add(s));
        byPath.forEach((path, list) -> System.out.printf(Locale.ROOT, "  %-15s%s%n", path, percentiles(list)));
        Map<String, Long> kinds = new ConcurrentHashMap<>();
        all.stream().filter(s -> s.error() != null).forEach(s -> kinds.merge(s.path() + " " + s.error(), 1L,
                Long::sum));
        new TreeMap<>(kinds).forEach((kind, count) -> System.out.println("error " + count + " x " + kind));
    }

    private static String header() {
        return String.format(Locale.ROOT, "%7s %8s %8s %8s %8s %8s", "n", "p50", "p90", "p99", "max", "mean");
    }

    private static String percentiles(List<Sample> samples) {
        long[] micros = samples.stream().mapToLong(Sample::micros).sorted().toArray();
        if (micros.length == 0) {
            return "no requests";
        }
        return String.format(Locale.ROOT, "%7d %8.0f %8.0f %8.0f %8.0f %8.0f", micros.length, at(micros, 0.50),
                at(micros, 0.90), at(micros, 0.99), micros[micros.length - 1] / 1000.0,
                java.util.Arrays.stream(micros).average().orElse(0) / 1000.0);
    }

    /** Nearest-rank percentile, in milliseconds. */
    private static double at(long[] sorted, double q) {
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1000.0;
    }
}
