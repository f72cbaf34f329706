package io.pgenrm.runtime;

import static io.quarkus.credentials.CredentialsProvider.PASSWORD_PROPERTY_NAME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.sun.net.httpserver.HttpServer;
import io.pgenrm.runtime.aws.SecretReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Secrets of every shape, read the way a function reads them (through the Parameters and Secrets extension's HTTP
 * answer), by the database login and by the inference API key: whether the secret is usable or not, its value never
 * appears in a log record (message, parameters, or the stack trace of an attached exception) nor anywhere in the
 * chain of a thrown exception.
 */
class SecretValuesStayOutOfLogsAndErrorsTest {
    private static final String VALUE = "Hx7neverPrintThis9Qz";
    private static final String ARN = "arn:aws:secretsmanager:us-east-1:111122223333:secret:pgenrm-AbCdEf";
    private static final String SESSION_TOKEN = "session-token";

    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    /** Every record that reaches the root logger at the levels a deployment logs at. */
    @BeforeEach
    void captureLogRecords() {
        capture.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void stopCapturing() {
        Logger.getLogger("").removeHandler(capture);
    }

    /** Database secrets: name, the extension's whole answer body, and whether a login comes out of it. */
    static Stream<Arguments> databaseSecrets() {
        return Stream.of(
                Arguments.of("a JSON login", answer("{\"username\": \"app\", \"password\": \"" + VALUE + "\"}"), true),
                Arguments.of("plain text, not JSON", answer(VALUE), false),
                Arguments.of("JSON without a password", answer("{\"username\": \"app\", \"token\": \"" + VALUE + "\"}"),
                        false),
                Arguments.of("JSON without a username", answer("{\"password\": \"" + VALUE + "\"}"), false),
                Arguments.of("a JSON string", answer("\"" + VALUE + "\""), false),
                Arguments.of("a number as password", answer("{\"username\": \"app\", \"password\": 1" + VALUE.length()
                        + "}"), false),
                Arguments.of("an unquoted value", answer("{\"username\": \"app\", \"password\": " + VALUE + "}"), false),
                Arguments.of("JSON cut short", answer("{\"username\": \"app\", \"password\": \"" + VALUE), false),
                Arguments.of("an answer that is not JSON", "{\"SecretString\": \"" + VALUE, false),
                Arguments.of("an error answer quoting the value", null, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databaseSecrets")
    void theDatabasePasswordNeverReachesALogOrAnError(String shape, String answer, boolean usable) throws Exception {
        try (Extension extension = new Extension(answer)) {
            DatabaseCredentials credentials = new DatabaseCredentials(extension.env("PGENRM_DB_SECRET_ARN"),
                    SecretReader::forThisFunction, new DatabaseCredentials.Login("local", "local"), Clock.systemUTC());

            Throwable failure = catchThrowable(() -> {
                Map<String, String> login = credentials.getCredentials(DatabaseCredentials.NAME);
                assertThat(login).containsEntry(PASSWORD_PROPERTY_NAME, VALUE);
                Logger.getLogger(getClass().getName()).info("logged in as " + login.get("user"));
            });

            assertThat(failure == null).as(shape + ": usable").isEqualTo(usable);
            assertNoTraceOfTheValue(failure);
        }
    }

    /** API key secrets: name, the SecretString, and the key a request then carries (null: the secret is refused). */
    static Stream<Arguments> apiKeySecrets() {
        return Stream.of(
                Arguments.of("plain text", VALUE + "\n", VALUE),
                Arguments.of("a key/value secret", "{\"api_key\": \"" + VALUE + "\"}", VALUE),
                Arguments.of("a single-field secret", "{\"OPENAI_KEY\": \"" + VALUE + "\"}", VALUE),
                Arguments.of("two fields, none named api_key", "{\"a\": \"" + VALUE + "\", \"b\": \"x\"}", null),
                Arguments.of("JSON cut short", "{\"api_key\": \"" + VALUE, null),
                Arguments.of("an unquoted value", "{\"api_key\": " + VALUE + "}", null),
                Arguments.of("a key with a space", VALUE + " " + VALUE, null),
                Arguments.of("a key with a line break", VALUE + "\r\nX-Injected: 1", null),
                Arguments.of("empty", "  ", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apiKeySecrets")
    void theApiKeyNeverReachesALogOrAnError(String shape, String secretString, String key) throws Exception {
        try (Extension extension = new Extension(answer(secretString))) {
            LlmApiKeyFromSecret auth = new LlmApiKeyFromSecret(extension.env(LlmApiKeyFromSecret.SECRET_ARN),
                    SecretReader::forThisFunction, Clock.systemUTC());

            String[] authorization = {null};
            Throwable failure = catchThrowable(() -> authorization[0] = auth.getAuthorization(null));

            if (key == null) {
                assertThat(failure).as(shape).isInstanceOf(IllegalStateException.class).hasMessageContaining(ARN);
            } else {
                assertThat(failure).as(shape).isNull();
                assertThat(authorization[0]).isEqualTo("Bearer " + key);
            }
            assertNoTraceOfTheValue(failure);
        }
    }

    private void assertNoTraceOfTheValue(Throwable failure) {
        if (failure != null) {
            StringWriter trace = new StringWriter();
            failure.printStackTrace(new PrintWriter(trace));
            // The printed trace holds every message and toString of the cause chain and suppressed exceptions.
            assertThat(trace.toString()).doesNotContain(VALUE);
        }
        assertThat(records).isNotEmpty();
        for (LogRecord record : records) {
            assertThat(String.valueOf(record.getMessage())).doesNotContain(VALUE);
            for (Object parameter : record.getParameters() == null ? new Object[0] : record.getParameters()) {
                assertThat(String.valueOf(parameter)).doesNotContain(VALUE);
            }
            if (record.getThrown() != null) {
                StringWriter trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                assertThat(trace.toString()).doesNotContain(VALUE);
            }
        }
    }

    /** The extension's answer to GetSecretValue for a SecretString, JSON-escaped as the real one is. */
    private static String answer(String secretString) {
        return "{\"ARN\": \"" + ARN + "\", \"SecretString\": \"" + secretString.replace("\\", "\\\\")
                .replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "\\r") + "\"}";
    }

    /**
     * A stand-in for the Parameters and Secrets extension on a free loopback port. It answers {@code body}, or,
     * when that is null, an error whose body quotes the value (as a misbehaving proxy might). Every exchange is
     * logged, so the capture always has records to check.
     */
    private static final class Extension implements AutoCloseable {
        private final HttpServer server;

        Extension(String body) throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/secretsmanager/get", exchange -> {
                Logger.getLogger(Extension.class.getName()).info("secret requested");
                boolean error = body == null;
                byte[] bytes = (error ? "{\"Code\": \"" + VALUE + "\", \"Message\": \"" + VALUE + "\"}" : body)
                        .getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(error ? 400 : 200, bytes.length);
                exchange.getResponseBody().write(bytes);
                exchange.close();
            });
            server.start();
        }

        Map<String, String> env(String arnVariable) {
            return Map.of(arnVariable, ARN, "PARAMETERS_SECRETS_EXTENSION_HTTP_PORT",
                    Integer.toString(server.getAddress().getPort()), "AWS_SESSION_TOKEN", SESSION_TOKEN,
                    "AWS_REGION", "us-east-1");
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
