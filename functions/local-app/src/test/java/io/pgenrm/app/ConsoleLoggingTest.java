package io.pgenrm.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsoleLoggingTest {
    @TempDir
    Path dir;

    @Test
    void withoutVerboseTheConsoleLeavesStackTracesToTheLogFile() {
        Path log = dir.resolve("pgenrm.log");

        Map<String, String> quiet = ConsoleLogging.properties(new String[] {"evaluate", "x.jsonl"}, log);

        assertThat(quiet).containsEntry("quarkus.log.file.enabled", "true")
                .containsEntry("quarkus.log.file.path", log.toString())
                .containsEntry("quarkus.log.console.format", ConsoleLogging.ONE_LINE);
        assertThat(ConsoleLogging.ONE_LINE).doesNotContain("%e").doesNotContain("%E");
        assertThat(ConsoleLogging.announcement(new String[] {"evaluate"}, log)).contains(log.toString())
                .contains("--verbose");
    }

    @Test
    void verboseKeepsQuarkusConsoleFormatWithItsStackTraces() {
        Map<String, String> verbose = ConsoleLogging.properties(new String[] {"evaluate", "--verbose", "x.jsonl"},
                dir.resolve("pgenrm.log"));

        assertThat(verbose).containsEntry("quarkus.log.file.enabled", "true")
                .doesNotContainKey("quarkus.log.console.format");
    }

    @Test
    void aFileNamedVerboseAfterDoubleDashIsNotTheFlag() {
        assertThat(ConsoleLogging.verbose(new String[] {"evaluate", "--", "--verbose"})).isFalse();
        assertThat(ConsoleLogging.verbose(new String[] {"--verbose", "serve"})).isTrue();
    }

    @Test
    void theLogFileSitsBesideTheDatabaseUnlessNamed() {
        Path data = dir.resolve("state").resolve("pgdata");

        assertThat(ConsoleLogging.logFile(Map.of("PGENRM_DATA_DIR", data.toString())))
                .isEqualTo(dir.resolve("state").resolve("pgenrm.log"));
        assertThat(ConsoleLogging.logFile(Map.of(ConsoleLogging.FILE_VARIABLE, dir.resolve("x.log").toString(),
                "PGENRM_DATA_DIR", data.toString()))).isEqualTo(dir.resolve("x.log"));
    }
}
