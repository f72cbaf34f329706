package io.pgenrm.runtime.aws;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.Config;

/**
 * The environment variables the runtime reads, looked up through MicroProfile Config: on Lambda that is the process
 * environment, and tests or configuration files can supply the same names.
 */
public final class LambdaEnvironment {
    /** What ExecutionRoleCredentials and SecretReader read. */
    public static final List<String> AWS_VARIABLES = List.of("AWS_REGION", "AWS_ACCESS_KEY_ID",
            "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_CONTAINER_CREDENTIALS_FULL_URI",
            "AWS_CONTAINER_AUTHORIZATION_TOKEN", "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE",
            "AWS_ENDPOINT_URL_SECRETS_MANAGER", "PARAMETERS_SECRETS_EXTENSION_HTTP_PORT");

    private LambdaEnvironment() {
    }

    /** The set ones among {@code names} and {@link #AWS_VARIABLES}. */
    public static Map<String, String> read(Config config, Collection<String> names) {
        Map<String, String> values = new HashMap<>();
        for (String name : names) {
            config.getOptionalValue(name, String.class).ifPresent(value -> values.put(name, value));
        }
        for (String name : AWS_VARIABLES) {
            config.getOptionalValue(name, String.class).ifPresent(value -> values.put(name, value));
        }
        return values;
    }
}
