package io.pgenrm.runtime.aws;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

/**
 * The AWS Parameters and Secrets Lambda Extension's local endpoint: it calls GetSecretValue with the function's
 * role and caches the answer for the execution environment. It serves invocations only (not the init phase), which
 * is when the readers here are first used.
 */
final class ParametersSecretsExtension implements SecretReader {
    static final String TOKEN_HEADER = "X-Aws-Parameters-Secrets-Token";

    private final int port;
    private final String sessionToken;
    private final HttpClient http;

    ParametersSecretsExtension(int port, String sessionToken, HttpClient http) {
        this.port = port;
        this.sessionToken = sessionToken;
        this.http = http;
    }

    @Override
    public String secretString(String secretId) {
        URI uri = URI.create("http://localhost:" + port + "/secretsmanager/get?secretId="
                + URLEncoder.encode(secretId, StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(JsonEndpoint.TIMEOUT)
                .header(TOKEN_HEADER, sessionToken).GET().build();
        return SecretReader.secretStringOf(
                JsonEndpoint.call(http, request, "Parameters and Secrets extension, secret " + secretId), secretId);
    }
}
