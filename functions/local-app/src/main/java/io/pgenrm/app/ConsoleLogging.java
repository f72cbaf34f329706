package io.pgenrm.app;

import io.pgenrm.runtime.DatabaseLocation;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Where log records go, as Quarkus settings decided before it starts. The console is for the command's own output
 * (a batch's progress and counts): there a log record is one line, without its stack trace. Every record goes in
 * full, stack traces included, to a log file whose path the command prints once. With {@code --verbose} the console
 * shows the records in full as well.
 */
final class ConsoleLogging {
    static final String VERBOSE = "--verbose";
    static final String FILE_VARIABLE = "PGENRM_LOG_FILE";
    /** Quarkus' console format without %e, the exception and its stack trace. */
    static final String ONE_LINE = "%d{HH:mm:ss} %-5p [%c{2.}] %s%n";

    private ConsoleLogging() {
    }

    static boolean verbose(String[] args) {
        return Arrays.stream(args).takeWhile(arg -> !arg.equals("--")).anyMatch(VERBOSE::equals);
    }

    /** PGENRM_LOG_FILE, else pgenrm.log in the app's state directory (beside its database). */
    static Path logFile(Map<String, String> env) {
        String configured = env.get(FILE_VARIABLE);
        return configured != null && !configured.isBlank() ? Path.of(configured).toAbsolutePath()
                : DatabaseLocation.stateDirectory(env).resolve("pgenrm.log");
    }

    static Map<String, String> properties(String[] args, Path logFile) {
        Map<String, String> properties = new HashMap<>(Map.of("quarkus.log.file.enabled", "true",
                "quarkus.log.file.path", logFile.toString()));
        if (!verbose(args)) {
            properties.put("quarkus.log.console.format", ONE_LINE);
        }
        return properties;
    }

    /** The line a command prints once, before anything is logged. */
    static String announcement(String[] args, Path logFile) {
        return "pgenrm: log file " + logFile + (verbose(args) ? "" : " (stack traces go there; --verbose prints "
                + "them here too)");
    }
}
