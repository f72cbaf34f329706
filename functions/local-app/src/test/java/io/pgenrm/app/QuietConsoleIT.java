package io.pgenrm.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pgenrm.simulator.DatasetGenerator;
import io.pgenrm.simulator.DatasetSpec;
import io.pgenrm.simulator.LatencyDistribution;
import io.pgenrm.simulator.SimulatedInferenceServer;
import io.pgenrm.simulator.SimulatorSettings;
import io.pgenrm.simulator.StatsSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A batch on the llm backend against an endpoint that answers 5xx, 429 (with Retry-After) and not at all (timeouts),
 * and writes some unparseable outputs, run as a user runs it: the packaged app as a process. Its console must say
 * how the endpoint behaved, in the progress line and the summary, with the same counts the endpoint kept, and show
 * no stack trace; the report files carry the same counts. Needs the jar, so it runs in {@code verify}.
 */
class QuietConsoleIT {
    private static final Path APP = Path.of("target", "quarkus-app", "quarkus-run.jar").toAbsolutePath();
    private static final String COUNTS = "endpoint: retries (\\d+) \\(5xx (\\d+), 429 (\\d+), timeouts (\\d+)\\), "
            + "resamples (\\d+)";
    private static final Pattern ENDPOINT = Pattern.compile(COUNTS);
    private static final Pattern SETUP_ENDPOINT = Pattern.compile("personas induced.*" + COUNTS);

    @TempDir
    static Path work;

    private static SimulatedInferenceServer endpoint;
    private static String console;
    private static int exitCode;
    private static StatsSnapshot served;

    @BeforeAll
    static void runAFaultyBatch() throws Exception {
        assertThat(APP).as("the packaged app (mvn package)").exists();
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path batch = work.resolve("batch.jsonl");
        new DatasetGenerator().generate(DatasetSpec.of(8, 2, 11)).writeJsonl(batch);
        // Rates high enough that a batch this small meets every kind of fault; a timed-out request is held well
        // past the client's timeout, so the client gives up first.
        endpoint = new SimulatedInferenceServer(SimulatorSettings.builder().latency(new LatencyDistribution.Fixed(10))
                .errorRate(0.15).rateLimitRate(0.04).timeoutRate(0.05).hangMillis(10_000).malformedRate(0.08)
                .seed(5).build());
        endpoint.start();

        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-jar", APP.toString(), "evaluate", batch.toString(), "--ind", "2",
                "--pro", "1", "--report", work.resolve("report.json").toString());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(key -> key.startsWith("PGENRM_") || key.startsWith("QUARKUS_"));
        env.putAll(Map.of("PGENRM_BACKEND", "llm", "PGENRM_LLM_BASE_URL", endpoint.baseUrl(),
                "PGENRM_LLM_TIMEOUT", "4s", "PGENRM_LLM_INITIAL_BACKOFF", "PT0.05S", "PGENRM_LLM_MAX_BACKOFF",
                "PT0.2S", "PGENRM_DATA_DIR", work.resolve("pgdata").toString()));
        Path output = work.resolve("console.txt");
        Process process = builder.directory(work.toFile()).redirectErrorStream(true).redirectOutput(output.toFile())
                .start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
        }
        exitCode = process.exitValue();
        console = Files.readString(output);
        served = endpoint.stats();
    }

    @AfterAll
    static void stopTheEndpoint() {
        if (endpoint != null) {
            endpoint.close();
        }
    }

    @Test
    void theBatchFinishesAndTheEndpointServedEveryKindOfFault() {
        assertThat(exitCode).as(console).isZero();
        assertThat(served.outcomes().error5xx()).isPositive();
        assertThat(served.outcomes().rateLimited429()).isPositive();
        assertThat(served.outcomes().timeout()).isPositive();
        assertThat(served.outcomes().malformed()).isPositive();
    }

    @Test
    void theConsoleShowsNoStackTrace() {
        assertThat(console).as(console).doesNotContainPattern("(?m)^\\s+at [\\w.$]+\\(")
                .doesNotContain("Caused by:").doesNotContainPattern("(?m)^\\s+\\.\\.\\. \\d+ more");
    }

    @Test
    void theConsoleCountsWhatTheEndpointDid() {
        long[] run = lastCounts(console);
        long[] setup = setupCounts(console);
        // Every 5xx, 429 and timeout the endpoint dealt out was met either while inducing the personas or in the run.
        // A timeout is also what the client rightly calls an answer slower than its 4 s, which a starved machine
        // can produce, hence at least.
        assertThat(setup[1] + run[1]).as(console).isEqualTo(served.outcomes().error5xx());
        assertThat(setup[2] + run[2]).as(console).isEqualTo(served.outcomes().rateLimited429());
        assertThat(setup[3] + run[3]).as(console).isGreaterThanOrEqualTo(served.outcomes().timeout());
        assertThat(run[0]).as("retries").isPositive();
        assertThat(run[4]).as("resamples of unparseable outputs").isPositive();
        assertThat(console).as("the progress line counts as it goes").containsPattern("items .*endpoint: retries");
    }

    @Test
    void theReportFilesCarryTheSameCounts() throws Exception {
        long[] run = lastCounts(console);
        JsonNode faults = new ObjectMapper().readTree(work.resolve("report.json").toFile()).path("plans").path(0)
                .path("faults");
        assertThat(List.of(faults.path("retries").asLong(), faults.path("serverErrors").asLong(),
                faults.path("rateLimited").asLong(), faults.path("timeouts").asLong(), faults.path("resamples").asLong()))
                .containsExactly(run[0], run[1], run[2], run[3], run[4]);
        assertThat(Files.readString(work.resolve("report.html"))).contains("<th>retries</th><th>5xx</th><th>429</th>"
                + "<th>timeouts</th><th>resamples</th>");
    }

    @Test
    void theLogFileIsNamedOnceAndHoldsWhatTheConsoleLeftOut() {
        Matcher named = Pattern.compile("pgenrm: log file (\\S+)").matcher(console);
        assertThat(named.find()).as(console).isTrue();
        assertThat(Path.of(named.group(1))).isEqualTo(work.resolve("pgenrm.log")).isRegularFile();
        assertThat(named.find()).as("named once").isFalse();
    }

    /** The summary's endpoint line (the last one printed): retries, 5xx, 429, timeouts, resamples. */
    private static long[] lastCounts(String text) {
        Matcher m = ENDPOINT.matcher(text);
        long[] last = null;
        while (m.find()) {
            last = counts(m);
        }
        assertThat(last).as("an endpoint line in: " + text).isNotNull();
        return last;
    }

    /** Retries, 5xx, 429, timeouts and resamples met while the personas were induced (none if nothing went wrong). */
    private static long[] setupCounts(String text) {
        Matcher m = SETUP_ENDPOINT.matcher(text);
        return m.find() ? counts(m) : new long[5];
    }

    private static long[] counts(Matcher m) {
        long[] counts = new long[5];
        for (int i = 0; i < 5; i++) {
            counts[i] = Long.parseLong(m.group(i + 1));
        }
        return counts;
    }
}
