package io.pgenrm.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged app as a user runs it, one process per command, each with its own embedded PostgreSQL. Two batches
 * run at once on two data directories while this test holds the HTTP port they are configured with. Needs the jar,
 * so it runs in {@code verify} after {@code package}.
 */
class AppProcessesIT {
    private static final Path APP = Path.of("target", "quarkus-app", "quarkus-run.jar").toAbsolutePath();
    private static final Path SAMPLE = Path.of("..", "..", "examples", "personal-reward-bench-sample.jsonl")
            .toAbsolutePath().normalize();
    private static final Duration LIMIT = Duration.ofMinutes(2);

    @TempDir
    static Path work;

    private static ServerSocket takenHttpPort;
    private static AppProcess first;
    private static AppProcess second;

    @BeforeAll
    static void runTwoBatchesAtOnceWhileTheirHttpPortIsTaken() throws Exception {
        assertThat(APP).as("the packaged app (mvn package)").exists();
        // The embedded PostgreSQL runs as nobody when the tests run as root, and must reach its data directory.
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
        // A third of the sample keeps the batches short; starting the JVM and PostgreSQL takes most of the time.
        List<String> rows = Files.readAllLines(SAMPLE);
        Path batch = Files.write(work.resolve("batch.jsonl"), rows.subList(0, rows.size() / 3));
        takenHttpPort = new ServerSocket(0);
        int port = takenHttpPort.getLocalPort();
        first = AppProcess.start("first", port, "evaluate", batch.toString(), "--ind", "1", "--pro", "1",
                "--report", work.resolve("first.json").toString());
        second = AppProcess.start("second", port, "evaluate", batch.toString(), "--ind", "1", "--pro", "1",
                "--report", work.resolve("second.json").toString());
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while ((first.isAlive() || second.isAlive()) && System.nanoTime() < deadline) {
            first.observeOnceBatchRuns();
            second.observeOnceBatchRuns();
            Thread.sleep(50);
        }
        first.awaitExit();
        second.awaitExit();
    }

    @AfterAll
    static void releasePort() throws IOException {
        if (takenHttpPort != null) {
            takenHttpPort.close();
        }
    }

    @Test
    void twoBatchesOnTwoDataDirectoriesFinishSideBySideWhileTheirHttpPortIsTaken() {
        for (AppProcess batch : List.of(first, second)) {
            assertThat(batch.exitCode).as(batch.output()).isZero();
            assertThat(batch.output()).containsPattern("run 1/1 +(\\d+)/\\1 items").contains("accuracy");
            assertThat(work.resolve(batch.name + ".json")).isNotEmptyFile();
        }
    }

    @Test
    void aRunningBatchListensOnNoPort() {
        for (AppProcess batch : List.of(first, second)) {
            assertThat(batch.appListenedOn).as("observed while running: " + batch.output()).isNotNull();
            assertThat(batch.appListenedOn).isEmpty();
        }
    }

    @Test
    void theBatchesEmbeddedPostgresListensOnLoopbackOnly() {
        for (AppProcess batch : List.of(first, second)) {
            assertThat(batch.postgresListenedOn).as("observed while running: " + batch.output()).isNotEmpty()
                    .allSatisfy(address -> assertThat(address.getAddress().isLoopbackAddress()).isTrue());
        }
    }

    @Test
    void serveListensOnLoopbackByDefault() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        AppProcess serve = AppProcess.start("serve", port, "serve");
        try {
            List<InetSocketAddress> listening = List.of();
            long deadline = System.nanoTime() + LIMIT.toNanos();
            while (listening.isEmpty() && serve.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(100);
                listening = ListeningSockets.of(serve.process.pid());
            }
            assertThat(listening).as(serve.output())
                    .containsExactly(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port));
        } finally {
            serve.process.destroy();
            serve.awaitExit();
        }
    }

    @Test
    void aPopulationModelFittedOnceEvaluatesAnotherFilesUsersWithoutADatabaseForTheFit() throws Exception {
        List<String> rows = Files.readAllLines(SAMPLE);
        Path trainOnly = Files.write(work.resolve("fit-on.jsonl"),
                rows.stream().filter(row -> row.contains("\"split\": \"train\"")).limit(200).toList());
        Path model = work.resolve("model.json");
        AppProcess fit = AppProcess.start("fit", 0, "fit", trainOnly.toString(), "--out", model.toString());
        fit.awaitExit();
        assertThat(fit.exitCode).as(fit.output()).isZero();
        assertThat(fit.output()).contains("fitted on 200 pairs");
        assertThat(fit.dataDirectory).as("fit starts no database").doesNotExist();
        assertThat(Files.readString(model)).contains("\"provenance\"").contains("fit-on.jsonl")
                .contains("bge-small-en-v1.5-q");

        Path batch = Files.write(work.resolve("other-users.jsonl"), rows.subList(rows.size() - rows.size() / 6,
                rows.size()));
        AppProcess evaluate = AppProcess.start("with-model", 0, "evaluate", batch.toString(), "--model",
                model.toString(), "--ind", "1", "--pro", "0", "--report", work.resolve("with-model.json").toString());
        evaluate.awaitExit();
        assertThat(evaluate.exitCode).as(evaluate.output()).isZero();
        assertThat(evaluate.output()).contains("population model from " + model)
                .contains("baselines on the same").contains("population model only");
    }

    /** One run of the app with its own data directory and log, and what was seen of its sockets while it ran. */
    private static final class AppProcess {
        final String name;
        final Process process;
        final Path dataDirectory;
        final Path log;
        List<InetSocketAddress> appListenedOn;
        List<InetSocketAddress> postgresListenedOn;
        int exitCode = -1;

        private AppProcess(String name, Process process, Path dataDirectory, Path log) {
            this.name = name;
            this.process = process;
            this.dataDirectory = dataDirectory;
            this.log = log;
        }

        static AppProcess start(String name, int httpPort, String... arguments) throws IOException {
            Path dataDirectory = work.resolve(name + "-data");
            Path log = work.resolve(name + ".log");
            ProcessBuilder builder = new ProcessBuilder();
            // C1 only: these short runs start about a third faster on two cores; the flag changes no behaviour.
            builder.command().addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:TieredStopAtLevel=1", "-jar", APP.toString()));
            builder.command().addAll(List.of(arguments));
            Map<String, String> env = builder.environment();
            env.keySet().removeIf(key -> key.startsWith("PGENRM_") || key.startsWith("QUARKUS_"));
            env.put("PGENRM_DATA_DIR", dataDirectory.toString());
            env.put("PGENRM_HTTP_PORT", Integer.toString(httpPort));
            Process process = builder.directory(work.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            return new AppProcess(name, process, dataDirectory, log);
        }

        boolean isAlive() {
            return process.isAlive();
        }

        /** Once the population is built the app is fully started and its batch is about to run. */
        void observeOnceBatchRuns() {
            if (appListenedOn == null && output().contains("personas induced")) {
                appListenedOn = ListeningSockets.of(process.pid());
                postgresListenedOn = ListeningSockets.of(postmasterPid());
            }
        }

        void awaitExit() throws InterruptedException {
            if (!process.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
            exitCode = process.exitValue();
        }

        String output() {
            try {
                return Files.readString(log);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private long postmasterPid() {
            try {
                return Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).strip());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
