package io.pgenrm.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
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
            assertThat(server.password()).isEqualTo("pgenrm");
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
    void persistentDataDirectoryKeepsRowsAcrossRestarts() throws Exception {
        var options = new EmbeddedPostgres.Options(dataDir(), 0, "rewards", "judge", "s3cret'\"pw");
        try (EmbeddedPostgres first = EmbeddedPostgres.start(options); Connection connection = connect(first)) {
            execute(connection, "CREATE TABLE judged (id int PRIMARY KEY, persona text)");
            execute(connection, "INSERT INTO judged VALUES (1, 'kept')");
        }
        try (EmbeddedPostgres second = EmbeddedPostgres.start(options); Connection connection = connect(second)) {
            assertThat(single(connection, "SELECT current_user")).isEqualTo("judge");
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
