package io.pgenrm.app;

import io.quarkus.runtime.Quarkus;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.Dependent;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The pgenrm command line: {@code evaluate} runs a batch, {@code fit} learns a population model, {@code cv}
 * cross-validates the local backend, {@code serve} serves the functions over HTTP.
 */
@Dependent
@Unremovable
@Command(name = "pgenrm", mixinStandardHelpOptions = true, version = "pgenrm 0.1.0",
        description = "Personalized generative reward model with test-time user-based scaling.",
        subcommands = {EvaluateCommand.class, FitCommand.class, CrossValidateCommand.class,
                LocalCommands.ServeCommand.class})
public class LocalCommands implements Runnable {
    private static final Set<String> WITH_DATABASE = Set.of("evaluate", "serve");

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                "name a command: evaluate, fit, cv or serve");
    }

    private static final Set<String> HELP = Set.of("--help", "-h", "--version", "-V");

    static boolean needsDatabase(String[] args) {
        return args.length > 0 && WITH_DATABASE.contains(args[0])
                && java.util.Arrays.stream(args).noneMatch(HELP::contains);
    }

    @Dependent
    @Unremovable
    @Command(name = "serve", mixinStandardHelpOptions = true,
            description = "Serve every function over HTTP until stopped.")
    static class ServeCommand implements Runnable {
        /** Read by {@link HttpListener} before Quarkus starts, since the listener opens with the application. */
        @Option(names = "--host", paramLabel = "ADDRESS", description = "Address to listen on, e.g. 0.0.0.0 for "
                + "every interface (default: PGENRM_HTTP_HOST, else 127.0.0.1). Any address beyond loopback "
                + "needs an API key in PGENRM_API_KEY, which every request then sends as 'Authorization: Bearer "
                + "KEY' or 'X-API-Key: KEY'.")
        String host;

        @Override
        public void run() {
            Quarkus.waitForExit();
        }
    }
}
