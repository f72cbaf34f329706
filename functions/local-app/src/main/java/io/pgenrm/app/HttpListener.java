package io.pgenrm.app;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Whether the command line gets an HTTP listener, as Quarkus settings. Quarkus opens its listener while starting,
 * before the command runs, so this is decided from the arguments beforehand. Only {@code serve} listens, on loopback
 * unless told otherwise, and beyond loopback only with an API key ({@link ApiKeyGuard}); every other command, help
 * included, opens no port, so batches run side by side and beside a server.
 */
final class HttpListener {
    static final String ENABLED = "quarkus.http.host-enabled";
    static final String HOST = "quarkus.http.host";
    static final String HOST_VARIABLE = "PGENRM_HTTP_HOST";
    static final String KEY_VARIABLE = "PGENRM_API_KEY";

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

    /**
     * Why serve must not start, if it must not: an address beyond loopback with no API key would give anyone who can
     * reach it the functions that write to the database.
     */
    static Optional<String> refusal(Map<String, String> environment, String... args) {
        LocalCommands.ServeCommand serve = serveCommand(args);
        if (serve == null) {
            return Optional.empty();
        }
        String host = serve.host != null ? serve.host : environment.getOrDefault(HOST_VARIABLE, "127.0.0.1");
        String key = environment.getOrDefault(KEY_VARIABLE, "");
        if (!key.isBlank() || isLoopback(host)) {
            return Optional.empty();
        }
        return Optional.of("serve: listening on " + host + " reaches beyond this machine, so it needs an API key: set "
                + KEY_VARIABLE + " (clients send it as 'Authorization: Bearer KEY' or 'X-API-Key: KEY'), or "
                + "listen on 127.0.0.1");
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException unresolvable) {
            return false;
        }
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
