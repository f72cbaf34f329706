package io.pgenrm.testing;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;
import io.pgenrm.api.PersonaRef;
import io.pgenrm.domain.EvaluationChain;
import io.pgenrm.domain.EvaluationResult;
import io.pgenrm.domain.Persona;
import io.pgenrm.domain.UserHistory;
import io.pgenrm.persistence.JsonColumns;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Puts stored state (histories, personas, an evaluation's chains) into the database of the function under test and
 * reads back what the function stored (personas, chains, results), over plain JDBC: a test of the built executable
 * ({@code @QuarkusIntegrationTest}) cannot inject the function's EvaluationArchive. The JSON columns go through the
 * stores' own {@link JsonColumns}. Needs {@link EmbeddedPostgresTestResource}; use it inside a test, once the function
 * has started, since the function creates the tables (Flyway at start).
 */
public final class StoredStateOverSql {
    /**
     * The ObjectMapper Quarkus gives JsonColumns in the function, as configured when no quarkus.jackson property and
     * no customizer is set (none is in this project): the modules it registers, unknown properties ignored, dates as
     * text. StoredStateOverSqlTest (sample-scoring) checks that both write the same bytes.
     */
    public static final JsonColumns COLUMNS = new JsonColumns(JsonMapper.builder()
            .addModules(new Jdk8Module(), new JavaTimeModule(), new ParameterNamesModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build());

    public void putHistory(UserHistory history) {
        update("insert into histories (user_id, history_version, pair_count, history_json) values (?, ?, ?, ?)",
                history.userId(), history.version(), history.pairs().size(), COLUMNS.write(history));
    }

    public void putPersona(Persona persona) {
        update("insert into personas (user_id, history_version, seed, persona_json) values (?, ?, ?, ?)",
                persona.userId(), persona.historyVersion(), persona.seed(), COLUMNS.write(persona));
    }

    public void putChains(String evaluationId, Map<Integer, EvaluationChain> chains) {
        chains.forEach((slot, chain) -> update(
                "insert into evaluation_chains (evaluation_id, slot, chain_json) values (?, ?, ?)",
                evaluationId, slot, COLUMNS.write(chain)));
    }

    public Optional<Persona> persona(PersonaRef ref) {
        return query("select persona_json from personas where user_id = ? and history_version = ? and seed = ?",
                row -> COLUMNS.read(row.getString(1), Persona.class), ref.userId(), ref.historyVersion(), ref.seed())
                .stream().findFirst();
    }

    /** The evaluation's stored chains by slot, in slot order. */
    public Map<Integer, EvaluationChain> chains(String evaluationId) {
        Map<Integer, EvaluationChain> chains = new LinkedHashMap<>();
        query("select slot, chain_json from evaluation_chains where evaluation_id = ? order by slot",
                row -> Map.entry(row.getInt(1), COLUMNS.read(row.getString(2), EvaluationChain.class)), evaluationId)
                .forEach(entry -> chains.put(entry.getKey(), entry.getValue()));
        return chains;
    }

    public Optional<EvaluationResult> result(String evaluationId) {
        return query("select result_json from evaluations where evaluation_id = ?",
                row -> COLUMNS.read(row.getString(1), EvaluationResult.class), evaluationId).stream().findFirst();
    }

    private interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    private static void update(String sql, Object... parameters) {
        try (Connection connection = connect(); PreparedStatement statement = prepare(connection, sql, parameters)) {
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not store test state: " + sql, e);
        }
    }

    private static <T> List<T> query(String sql, RowReader<T> reader, Object... parameters) {
        try (Connection connection = connect(); PreparedStatement statement = prepare(connection, sql, parameters);
             ResultSet rows = statement.executeQuery()) {
            List<T> found = new ArrayList<>();
            while (rows.next()) {
                found.add(reader.read(rows));
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read stored state: " + sql, e);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }

    private static Connection connect() throws SQLException {
        PGSimpleDataSource database = new PGSimpleDataSource();
        database.setUrl(required(EmbeddedPostgresTestResource.JDBC_URL));
        database.setUser(required(EmbeddedPostgresTestResource.USER));
        database.setPassword(required(EmbeddedPostgresTestResource.PASSWORD));
        return database.getConnection();
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException(property + " is not set: is EmbeddedPostgresTestResource running?");
        }
        return value;
    }
}
