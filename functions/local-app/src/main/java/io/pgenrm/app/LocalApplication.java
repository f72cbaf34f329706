package io.pgenrm.app;

import io.quarkus.runtime.QuarkusApplication;
import jakarta.inject.Inject;
import picocli.CommandLine;

/** Runs the command named on the command line with the application's beans available. */
public class LocalApplication implements QuarkusApplication {
    @Inject
    LocalCommands commands;

    @Override
    public int run(String... args) {
        return new CommandLine(commands, new CdiFactory()).execute(args);
    }
}
