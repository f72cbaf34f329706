package io.pgenrm.app;

import io.pgenrm.runtime.DatabaseLocation;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Entry point of the local app. The database, the HTTP listener and where logs go must be known before Quarkus reads
 * its settings, so an embedded PostgreSQL is started here when none is configured, only {@code serve} gets a
 * listener, and stack traces go to the log file unless {@code --verbose} ({@link ConsoleLogging}).
 */
@QuarkusMain
public class PgenrmMain {
    public static void main(String... args) {
        Optional<String> refusal = HttpListener.refusal(System.getenv(), args);
        if (refusal.isPresent()) {
            System.err.println(refusal.get());
            System.exit(2);
        }
        HttpListener.properties(args).forEach(System::setProperty);
        Path logFile = ConsoleLogging.logFile(System.getenv());
        ConsoleLogging.properties(args, logFile).forEach(System::setProperty);
        if (!LocalCommands.asksForHelp(args)) {
            System.out.println(ConsoleLogging.announcement(args, logFile));
        }
        if (!LocalCommands.needsDatabase(args)) {
            // fit, cv and help reach no database, so nothing may try to while the application starts.
            System.setProperty("quarkus.flyway.migrate-at-start", "false");
            System.setProperty("quarkus.hibernate-orm.database.start-offline", "true");
            Quarkus.run(LocalApplication.class, args);
            return;
        }
        DatabaseLocation.Resolved database = DatabaseLocation.resolve(System.getenv());
        for (Map.Entry<String, String> e : database.properties().entrySet()) {
            System.setProperty(e.getKey(), e.getValue());
        }
        try {
            Quarkus.run(LocalApplication.class, args);
        } finally {
            database.embedded().ifPresent(server -> server.close());
        }
    }
}
