package io.pgenrm.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresTest {
    @TempDir
    Path tempDir;

    @Test
    void servesJdbcWithPasswordLoginAndStopsOnClose() throws Exception {
        EmbeddedPostgres server = EmbeddedPostgres.start(EmbeddedPostgres.Options.temporary());
        try (server) {
            assertThat(server.user()).isEqualTo("pgenrm");
            assertThat(server.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:" + server.port() + "/pgenrm");
            assertThat(server.reactiveUrl()).isEqualTo("postgresql://127.0.0.1:" + server.port() + "/pgenrm");
            try (Connection connection = connect(server)) {
                execute(connection, "CREATE TABLE judged (id int PRIMARY KEY, persona text)");
                execute(connection, "INSERT INTO judged VALUES (1, 'terse'), (2, 'curious')");
                assertThat(personas(connection)).containsExactly("terse", "curious");
                assertThat(single(connection, "SELECT current_database()")).isEqualTo("pgenrm");
            }
            assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), server.user(), "wrong"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("password authentication failed");
        }
        assertThatThrownBy(() -> connect(server)).isInstanceOf(SQLException.class);
    }

    @Test
    void eachDataDirectoryHasItsOwnRandomPasswordInAFileOnlyItsOwnerReads() throws Exception {
        Path data = dataDir();
        String firstPassword;
        try (EmbeddedPostgres first = EmbeddedPostgres.start(EmbeddedPostgres.Options.persistent(data));
                EmbeddedPostgres other = EmbeddedPostgres.start(EmbeddedPostgres.Options.temporary())) {
            firstPassword = first.password();
            assertThat(firstPassword).hasSizeGreaterThanOrEqualTo(32).isNotEqualTo(other.password())
                    .isNotEqualTo("pgenrm");
            Path file = data.resolve(EmbeddedPostgres.PASSWORD_FILE);
            assertThat(Files.readString(file).strip()).isEqualTo(firstPassword);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            assertThatThrownBy(() -> DriverManager.getConnection(first.jdbcUrl(), "pgenrm", "pgenrm"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
        }
        try (EmbeddedPostgres again = EmbeddedPostgres.start(EmbeddedPostgres.Options.persistent(data));
                Connection connection = connect(again)) {
            assertThat(again.password()).isEqualTo(firstPassword);
            assertThat(single(connection, "SELECT 1")).isEqualTo("1");
        }
    }

    @Test
    void theApplicationRoleIsNotASuperuserAndTheSuperuserCannotLogIn() throws Exception {
        try (EmbeddedPostgres server = EmbeddedPostgres.start(EmbeddedPostgres.Options.temporary());
                Connection connection = connect(server)) {
            assertThat(single(connection, "SELECT rolsuper::text || rolcreaterole::text || rolcreatedb::text"
                    + " FROM pg_roles WHERE rolname = current_user")).isEqualTo("falsefalsefalse");
            assertThat(single(connection, "SELECT pg_get_userbyid(datdba) FROM pg_database"
                    + " WHERE datname = current_database()")).isEqualTo("pgenrm");
            // What the application's migrations need: tables of its own in its own database.
            execute(connection, "CREATE TABLE judged (id serial PRIMARY KEY, persona text)");
            execute(connection, "ALTER TABLE judged ADD COLUMN note text");
            assertThatThrownBy(() -> execute(connection, "CREATE ROLE intruder SUPERUSER"))
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> execute(connection, "COPY judged FROM PROGRAM 'id'"))
                    .hasMessageContaining("permission denied");
            for (String superuser : List.of("postgres", "pgenrm_setup")) {
                assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), superuser, server.password()))
                        .isInstanceOf(SQLException.class).hasMessageContaining("no pg_hba.conf entry");
            }
        }
    }

    @Test
    void listensOnLoopbackOnlyWithoutAUnixSocket() throws Exception {
        Path data = dataDir();
        try (EmbeddedPostgres server = EmbeddedPostgres.start(EmbeddedPostgres.Options.persistent(data))) {
            // postmaster.pid lines 5 and 6: the unix socket directory (none) and the addresses listened on.
            List<String> pidFile = Files.readAllLines(data.resolve("postmaster.pid"));
            assertThat(pidFile.get(4)).isEmpty();
            assertThat(pidFile.get(5)).isEqualTo("127.0.0.1");
            for (InetAddress address : nonLoopbackAddresses()) {
                try (Socket socket = new Socket()) {
                    assertThatThrownBy(() -> socket.connect(new InetSocketAddress(address, server.port()), 2_000))
                            .as("connecting through %s", address).isInstanceOf(IOException.class);
                }
            }
        }
    }

    @Test
    void aDataDirectoryOfAnOlderVersionIsMigratedToAnUnprivilegedRoleAndKeepsItsRows() throws Exception {
        Path data = dataDir();
        olderVersionsCluster(data, "rewards", "judge");
        var options = new EmbeddedPostgres.Options(data, 0, "rewards", "judge");
        try (EmbeddedPostgres server = EmbeddedPostgres.start(options); Connection connection = connect(server)) {
            assertThat(single(connection, "SELECT current_user")).isEqualTo("judge");
            assertThat(single(connection, "SELECT rolsuper::text FROM pg_roles WHERE rolname = current_user"))
                    .isEqualTo("false");
            assertThat(personas(connection)).containsExactly("kept");
            // Owned by the role now, so later migrations can change the table and its sequence.
            execute(connection, "ALTER TABLE judged ADD COLUMN note text");
            execute(connection, "INSERT INTO judged (persona) VALUES ('new')");
            assertThat(personas(connection)).containsExactly("kept", "new");
            assertThat(data.resolve(EmbeddedPostgres.PASSWORD_FILE)).isNotEmptyFile();
        }
        try (EmbeddedPostgres again = EmbeddedPostgres.start(options); Connection connection = connect(again)) {
            assertThat(personas(connection)).containsExactly("kept", "new");
        }
    }

    @Test
    void persistentDataDirectoryKeepsRowsAcrossRestarts() throws Exception {
        var options = new EmbeddedPostgres.Options(dataDir(), 0, "rewards", "judge's");
        try (EmbeddedPostgres first = EmbeddedPostgres.start(options); Connection connection = connect(first)) {
            execute(connection, "CREATE TABLE judged (id int PRIMARY KEY, persona text)");
            execute(connection, "INSERT INTO judged VALUES (1, 'kept')");
        }
        try (EmbeddedPostgres second = EmbeddedPostgres.start(options); Connection connection = connect(second)) {
            assertThat(single(connection, "SELECT current_user")).isEqualTo("judge's");
            assertThat(personas(connection)).containsExactly("kept");
        }
    }

    @Test
    void twoServersRunAtOnceOnDifferentPorts() throws Exception {
        CompletableFuture<EmbeddedPostgres> a = CompletableFuture.supplyAsync(
                () -> EmbeddedPostgres.start(EmbeddedPostgres.Options.temporary()));
        CompletableFuture<EmbeddedPostgres> b = CompletableFuture.supplyAsync(
                () -> EmbeddedPostgres.start(EmbeddedPostgres.Options.temporary()));
        try (EmbeddedPostgres first = a.get(60, TimeUnit.SECONDS); EmbeddedPostgres second = b.get(60, TimeUnit.SECONDS);
                Connection one = connect(first); Connection two = connect(second)) {
            assertThat(first.port()).isNotEqualTo(second.port());
            execute(one, "CREATE TABLE judged (id int PRIMARY KEY, persona text)");
            execute(one, "INSERT INTO judged VALUES (1, 'only in first')");
            assertThat(personas(one)).containsExactly("only in first");
            assertThat(single(two, "SELECT count(*) FROM pg_tables WHERE tablename = 'judged'")).isEqualTo("0");
        }
    }

    @Test
    void startsAgainAfterThePostmasterWasKilled() throws Exception {
        Path data = dataDir();
        var options = EmbeddedPostgres.Options.persistent(data);
        try (EmbeddedPostgres crashed = EmbeddedPostgres.start(options)) {
            try (Connection connection = connect(crashed)) {
                execute(connection, "CREATE TABLE judged (id int PRIMARY KEY, persona text)");
                execute(connection, "INSERT INTO judged VALUES (1, 'survives kill -9')");
            }
            ProcessHandle postmaster = ProcessHandle.of(postmasterPid(data)).orElseThrow();
            assertThat(postmaster.info().user()).hasValueSatisfying(user -> assertThat(user).isNotEqualTo("root"));
            assertThat(postmaster.destroyForcibly()).isTrue();
            postmaster.onExit().get(10, TimeUnit.SECONDS);
            assertThat(exited(postmaster.pid())).isTrue();
            assertThat(data.resolve("postmaster.pid")).exists();

            try (EmbeddedPostgres restarted = EmbeddedPostgres.start(options); Connection connection =
                    connect(restarted)) {
                assertThat(personas(connection)).containsExactly("survives kill -9");
            }
        }
        assertThat(data.resolve("postmaster.pid")).doesNotExist();
    }

    @Test
    void startStopsAPostmasterStillRunningOnItsDataDirectory() throws Exception {
        Path data = dataDir();
        var options = EmbeddedPostgres.Options.persistent(data);
        try (EmbeddedPostgres abandoned = EmbeddedPostgres.start(options)) {
            long abandonedPid = postmasterPid(data);
            try (EmbeddedPostgres replacement = EmbeddedPostgres.start(options);
                    Connection connection = connect(replacement)) {
                assertThat(exited(abandonedPid)).isTrue();
                assertThat(postmasterPid(data)).isNotEqualTo(abandonedPid);
                assertThat(single(connection, "SELECT 1")).isEqualTo("1");
            }
        }
    }

    /**
     * A cluster as versions before the password file made it: the application's role is the bootstrap superuser,
     * with the old fixed password, and owns the tables its migrations created.
     */
    private static void olderVersionsCluster(Path data, String database, String user) throws IOException {
        ServerAccount account = ServerAccount.forThisJvm();
        Path bin = PostgresBinaries.installed(account.binaryCache()).resolve("bin");
        Files.createDirectories(data);
        account.takeOwnership(data);
        var init = account.runAsServer(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", user,
                "-E", "UTF8", "--no-locale", "--no-sync", "-A", "trust"), "");
        assertThat(init.exitCode()).as(init.output()).isZero();
        singleUser(account, bin, data, "template1", "ALTER ROLE \"" + user + "\" WITH LOGIN SUPERUSER PASSWORD 'pgenrm'",
                "CREATE DATABASE " + database + " OWNER \"" + user + "\"");
        singleUser(account, bin, data, database, "CREATE TABLE judged (id serial PRIMARY KEY, persona text)",
                "INSERT INTO judged (persona) VALUES ('kept')");
    }

    private static void singleUser(ServerAccount account, Path bin, Path data, String database, String... sql) {
        var run = account.runAsServer(List.of(bin.resolve("postgres").toString(), "--single", "-D", data.toString(),
                database), String.join("\n", sql) + "\n");
        assertThat(run.output()).as(run.output()).doesNotContain("ERROR");
    }

    private static List<InetAddress> nonLoopbackAddresses() throws SocketException {
        List<InetAddress> addresses = new ArrayList<>();
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (nic.isUp()) {
                nic.inetAddresses().filter(a -> !a.isLoopbackAddress() && a instanceof Inet4Address)
                        .forEach(addresses::add);
            }
        }
        return addresses;
    }

    /** A directory the server account can reach even when the tests run as root (JUnit's own is mode 700). */
    private Path dataDir() throws IOException {
        Files.setPosixFilePermissions(tempDir, PosixFilePermissions.fromString("rwxr-xr-x"));
        return tempDir.resolve("data");
    }

    private static long postmasterPid(Path data) throws IOException {
        return Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip());
    }

    /** Also true for a zombie: the postmaster is not our child, and some containers' init never reaps orphans. */
    private static boolean exited(long pid) throws IOException {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (NoSuchFileException gone) {
            return true;
        }
    }

    private static Connection connect(EmbeddedPostgres server) throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl(), server.user(), server.password());
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            assertThat(rows.next()).isTrue();
            return rows.getString(1);
        }
    }

    private static List<String> personas(Connection connection) throws SQLException {
        List<String> personas = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT persona FROM judged ORDER BY id")) {
            while (rows.next()) {
                personas.add(rows.getString(1));
            }
        }
        return personas;
    }
}
