package io.pgenrm.runtime.aws;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Clock;
import java.util.Map;

/** Reads the SecretString of a Secrets Manager secret, by name or ARN. */
public interface SecretReader {
    String secretString(String secretId);

    /**
     * Through the AWS Parameters and Secrets Lambda Extension when Terraform attached it (it sets the extension's
     * PARAMETERS_SECRETS_EXTENSION_HTTP_PORT) and the function has AWS_SESSION_TOKEN to authenticate to it;
     * otherwise GetSecretValue called directly. SnapStart functions always take the direct call: they get no
     * AWS_SESSION_TOKEN, so the extension would refuse them.
     */
    static SecretReader forThisFunction(Map<String, String> env) {
        String port = env.get("PARAMETERS_SECRETS_EXTENSION_HTTP_PORT");
        String sessionToken = env.get("AWS_SESSION_TOKEN");
        if (port != null && !port.isBlank() && sessionToken != null && !sessionToken.isBlank()) {
            return new ParametersSecretsExtension(Integer.parseInt(port.trim()), sessionToken, JsonEndpoint.client());
        }
        String region = env.get("AWS_REGION");
        if (region == null || region.isBlank()) {
            throw new IllegalStateException("AWS_REGION is not set: cannot reach Secrets Manager");
        }
        String override = env.get("AWS_ENDPOINT_URL_SECRETS_MANAGER");
        URI endpoint = URI.create(override != null && !override.isBlank() ? override
                : "https://secretsmanager." + region + ".amazonaws.com/");
        return new SecretsManagerApi(endpoint, region, ExecutionRoleCredentials.of(env), JsonEndpoint.client(),
                Clock.systemUTC());
    }

    /** The SecretString of a GetSecretValue answer (the extension returns the same document). */
    static String secretStringOf(JsonNode answer, String secretId) {
        JsonNode value = answer.get("SecretString");
        if (value == null || !value.isTextual()) {
            throw new IllegalStateException("secret " + secretId + " has no SecretString (binary secrets are not read)");
        }
        return value.asText();
    }
}
