package io.pgenrm.runtime;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pgenrm.runtime.aws.ExecutionRoleCredentials;
import io.pgenrm.runtime.aws.LambdaEnvironment;
import io.pgenrm.runtime.aws.RdsAuthToken;
import io.pgenrm.runtime.aws.SecretReader;
import io.quarkus.arc.Unremovable;
import io.quarkus.credentials.CredentialsProvider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The database login, asked for by the connection pools for every new connection
 * ({@code quarkus.datasource.credentials-provider=pgenrm-database}), from these environment variables (read through
 * MicroProfile Config, so tests can set them). In order of precedence:
 * <ul>
 * <li>PGENRM_DB_IAM_AUTH=true: PGENRM_DB_USER with an RDS IAM token for PGENRM_DB_HOST:PGENRM_DB_PORT, signed with
 * the execution role. No password exists in the function at all; RDS Proxy checks the token.</li>
 * <li>PGENRM_DB_SECRET_ARN: username and password of that secret (the RDS-managed secret format), re-read every 15
 * minutes for rotation.</li>
 * <li>otherwise quarkus.datasource.username and password, as without this provider (tests, the local app).</li>
 * </ul>
 */
@ApplicationScoped
@Unremovable
@Named(DatabaseCredentials.NAME)
public class DatabaseCredentials implements CredentialsProvider {
    public static final String NAME = "pgenrm-database";
    static final List<String> VARIABLES = List.of("PGENRM_DB_IAM_AUTH", "PGENRM_DB_HOST", "PGENRM_DB_PORT",
            "PGENRM_DB_USER", "PGENRM_DB_SECRET_ARN");
    static final Duration SECRET_MAX_AGE = Duration.ofMinutes(15);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One login; toString leaves the password out so a login never reaches a log. */
    record Login(String user, String password) {
        @Override
        public String toString() {
            return "Login[user=" + user + "]";
        }
    }

    private final Supplier<Login> login;

    public DatabaseCredentials() {
        this(LambdaEnvironment.read(ConfigProvider.getConfig(), VARIABLES), SecretReader::forThisFunction,
                configuredLogin(), Clock.systemUTC());
    }

    DatabaseCredentials(Map<String, String> env, Function<Map<String, String>, SecretReader> readers, Login configured,
            Clock clock) {
        String secretArn = env.get("PGENRM_DB_SECRET_ARN");
        if ("true".equalsIgnoreCase(env.get("PGENRM_DB_IAM_AUTH"))) {
            String host = required(env, "PGENRM_DB_HOST");
            int port = Integer.parseInt(env.getOrDefault("PGENRM_DB_PORT", "5432"));
            String user = required(env, "PGENRM_DB_USER");
            String region = required(env, "AWS_REGION");
            ExecutionRoleCredentials role = ExecutionRoleCredentials.of(env);
            this.login = () -> new Login(user, RdsAuthToken.generate(host, port, user, region, role.current(),
                    clock.instant()));
        } else if (secretArn != null && !secretArn.isBlank()) {
            SecretReader reader = readers.apply(env);
            this.login = new PeriodicallyRefreshed<>(() -> fromSecret(reader.secretString(secretArn), secretArn),
                    SECRET_MAX_AGE, clock);
        } else {
            this.login = () -> configured;
        }
    }

    @Override
    public Map<String, String> getCredentials(String credentialsProviderName) {
        Login current = login.get();
        return Map.of(USER_PROPERTY_NAME, current.user(), PASSWORD_PROPERTY_NAME, current.password());
    }

    /**
     * The login in an RDS-format secret. No message here may quote the secret: a parse error names only where the
     * text stopped making sense, never the text, and carries no cause (Jackson's messages quote the offending token).
     */
    private static Login fromSecret(String secretString, String secretArn) {
        JsonNode secret;
        try {
            secret = JSON.readTree(secretString);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new IllegalStateException("secret " + secretArn + " is not JSON (it stops parsing at line "
                    + (at == null ? "?" : at.getLineNr()) + ", column " + (at == null ? "?" : at.getColumnNr())
                    + "); it must be an object with \"username\" and \"password\"");
        }
        String user = secret == null ? "" : textField(secret, "username");
        String password = secret == null ? "" : textField(secret, "password");
        if (user.isEmpty() || password.isEmpty()) {
            throw new IllegalStateException("secret " + secretArn + " needs \"username\" and \"password\" as text"
                    + " fields of a JSON object");
        }
        return new Login(user, password);
    }

    private static String textField(JsonNode secret, String name) {
        JsonNode field = secret.path(name);
        return field.isTextual() ? field.asText() : "";
    }

    private static Login configuredLogin() {
        Config config = ConfigProvider.getConfig();
        return new Login(config.getOptionalValue("quarkus.datasource.username", String.class).orElse(""),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
    }

    private static String required(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is required when PGENRM_DB_IAM_AUTH=true");
        }
        return value;
    }
}
