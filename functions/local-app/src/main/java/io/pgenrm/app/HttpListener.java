package io.pgenrm.app;

import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Whether the command line gets an HTTP listener, as Quarkus settings. Quarkus opens its listener while starting,
 * before the command runs, so this is decided from the arguments beforehand. Only {@code serve} listens (the
 * functions have no authentication yet); every other command, help included, opens no port, so batches run side by
 * side and beside a server.
 */
final class HttpListener {
    static final String ENABLED = "quarkus.http.host-enabled";
    static final String HOST = "quarkus.http.host";

    private HttpListener() {
    }

    /** Settings to apply before Quarkus starts; application.properties keeps the listener off otherwise. */
    static Map<String, String> properties(String... args) {
        LocalCommands.ServeCommand serve = serveCommand(args);
        if (serve == null) {
            return Map.of();
        }
        Map<String, String> properties = new HashMap<>();
        properties.put(ENABLED, "true");
        if (serve.host != null) {
            properties.put(HOST, serve.host);
        }
        return properties;
    }

    /** The serve command the arguments run, or null for any other command, a help request or a usage error. */
    private static LocalCommands.ServeCommand serveCommand(String[] args) {
        ParseResult command;
        try {
            command = new CommandLine(new LocalCommands()).parseArgs(args).subcommand();
        } catch (ParameterException reportedOnceTheApplicationRuns) {
            return null;
        }
        if (command == null || command.isUsageHelpRequested() || command.isVersionHelpRequested()
                || !(command.commandSpec().userObject() instanceof LocalCommands.ServeCommand serve)) {
            return null;
        }
        return serve;
    }
}
