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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load driver for infra/bench/load.sh: CLIENTS closed-loop clients, each sending its next request as soon as the last
 * one is answered, for WARMUP + DURATION seconds against a running {@code pgenrm serve}; only requests started after
 * the warm-up count. Half the iterations are a whole evaluation, half the single steps of one evaluation by reference
 * (resolveHistory, inducePersona, generateRubric, scoreSamples, aggregateScores, as Step Functions calls them); every
 * request carries text no other request had (so no cache answers it), for one of 20 users. Prints requests, throughput, latency
 * percentiles (overall and per function) and every error by kind. An error is any answer but 200, or no answer
 * within the timeout.
 *
 * <p>Plain JDK (java.net.http), run as a single source file: {@code java LoadDriver.java URL CLIENTS DURATION WARMUP}.
 */
public class LoadDriver {
    private static final Duration TIMEOUT = Duration.ofSeconds(300);
    private static final String[] WORDS = {"tea", "egg", "tree", "bread", "river", "garden", "bike", "lamp", "sock",
            "cloud", "piano", "stone", "kite", "map", "salt", "chair"};

    private static final String IND_2 = "{\"ind\": 2, \"pro\": 0, \"selfWeight\": 0.5, \"prototypeWeight\": 0.5}";
    private static final String IND_1 = "{\"ind\": 1, \"pro\": 0, \"selfWeight\": 0.5, \"prototypeWeight\": 0.5}";
    private static final String RUBRIC = "{\"criteria\": [{\"name\": \"Structured with bullet or numbered lists\", "
            + "\"weight\": 60}, {\"name\": \"Concise, to-the-point answers\", \"weight\": 40}]}";
    private static final Pattern VERSION = Pattern.compile("\"version\"\\s*:\\s*\"([^\"]+)\"");

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
                        Client session = new Client(http, base, measureFrom, samples);
                        long n = serial.incrementAndGet();
                        if (random.nextBoolean()) {
                            session.evaluate(random, n);
                        } else {
                            session.steps(random, n);
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

    /** One client's requests, each timed and recorded once the warm-up is over. */
    private record Client(HttpClient http, String base, long measureFrom, List<Sample> samples) {
        /** A whole evaluation at Ind-2, history given inline. */
        void evaluate(SplittableRandom random, long n) {
            String user = user(random);
            send("/evaluate", "{\"requestId\": \"load-" + n + "\", \"userId\": \"" + user + "\", \"history\": "
                    + history(random, user) + ", \"scenario\": " + scenario(random, n) + ", \"scaling\": "
                    + IND_2 + "}");
        }

        /**
         * The single steps of one evaluation as the Step Functions machine calls them, by reference: store the
         * history, induce its persona, a rubric, score one sample, aggregate. Each step names what the one before
         * stored, so a step is sent only when the one before succeeded.
         */
        void steps(SplittableRandom random, long n) {
            String user = user(random);
            String scenario = scenario(random, n);
            String answer = send("/resolveHistory", "{\"userId\": \"" + user + "\", \"history\": "
                    + history(random, user) + "}");
            Matcher version = answer == null ? null : VERSION.matcher(answer);
            if (version == null || !version.find()) {
                return;
            }
            String persona = "{\"userId\": \"" + user + "\", \"historyVersion\": \"" + version.group(1)
                    + "\", \"seed\": " + n + "}";
            String evaluation = "load-steps-" + n;
            String job = "{\"source\": \"SELF\", \"userId\": \"" + user + "\", \"historyVersion\": \""
                    + version.group(1) + "\", \"personaSeed\": " + n + ", \"rubricStep\": true, \"itemSeed\": "
                    + n + ", \"reversedOrder\": false, \"samples\": [{\"slot\": 0, \"sampleIndex\": 0, "
                    + "\"seed\": " + n + "}]}";
            if (send("/inducePersona", persona) == null
                    || send("/generateRubric", "{\"persona\": " + persona + ", \"scenario\": " + scenario
                            + ", \"seed\": " + n + "}") == null
                    || send("/scoreSamples", "{\"evaluationId\": \"" + evaluation + "\", \"job\": " + job
                            + ", \"persona\": " + persona + ", \"rubric\": " + RUBRIC + ", \"scenario\": "
                            + scenario + "}") == null) {
                return;
            }
            send("/aggregateScores", "{\"evaluationId\": \"" + evaluation + "\", \"userId\": \"" + user
                    + "\", \"candidateCount\": 2, \"scaling\": " + IND_1 + ", \"prototypeId\": -1, "
                    + "\"neighbours\": [], \"samples\": 1}");
        }

        /** The answer's body, or null after recording the error: any answer but 200, or none in time. */
        private String send(String path, String body) {
            long started = System.nanoTime();
            String error;
            String answer = null;
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
                        .timeout(TIMEOUT).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                String text = response.body();
                error = response.statusCode() == 200 ? null
                        : "HTTP " + response.statusCode() + " " + text.substring(0, Math.min(120, text.length()));
                answer = error == null ? text : null;
            } catch (Exception e) {
                error = e.getClass().getSimpleName();
            }
            if (started >= measureFrom) {
                samples.add(new Sample(path, started, (System.nanoTime() - started) / 1_000, error));
            }
            return answer;
        }
    }

    private static String user(SplittableRandom random) {
        return "u" + random.nextInt(20);
    }

    private static String history(SplittableRandom random, String user) {
        return "{\"userId\": \"" + user + "\", \"pairs\": [" + pair(random, user, 0) + ", " + pair(random, user, 1)
                + "]}";
    }

    private static String scenario(SplittableRandom random, long n) {
        return "{\"context\": [{\"role\": \"user\", \"content\": \"How do I look after a " + word(random) + " " + n
                + "?\"}], \"candidates\": [\"" + prose(random, n) + "\", \"" + list(random, n) + "\"]}";
    }

    private static String pair(SplittableRandom random, String user, int i) {
        String thing = word(random);
        return "{\"context\": [{\"role\": \"user\", \"content\": \"How do I make " + thing + "?\"}], \"chosen\": \"- "
                + word(random) + "\\n- " + word(random) + "\\n- done\", \"rejected\": \"You take the " + thing
                + " and the " + word(random) + ", then you " + word(random) + " it for " + user + " until done.\"}";
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
