package io.pgenrm.runtime.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.util.Map;

/** Secrets Manager's GetSecretValue called directly over HTTPS, signed with the execution role (SigV4). */
final class SecretsManagerApi implements SecretReader {
    private final URI endpoint;
    private final SignatureV4 signer;
    private final ExecutionRoleCredentials credentials;
    private final HttpClient http;
    private final Clock clock;

    SecretsManagerApi(URI endpoint, String region, ExecutionRoleCredentials credentials, HttpClient http,
            Clock clock) {
        this.endpoint = endpoint;
        this.signer = new SignatureV4(region, "secretsmanager");
        this.credentials = credentials;
        this.http = http;
        this.clock = clock;
    }

    @Override
    public String secretString(String secretId) {
        byte[] body;
        try {
            body = JsonEndpoint.JSON.writeValueAsBytes(Map.of("SecretId", secretId));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a GetSecretValue request", e);
        }
        Map<String, String> headers = signer.signHeaders("POST", endpoint,
                Map.of("content-type", "application/x-amz-json-1.1", "x-amz-target", "secretsmanager.GetSecretValue"),
                body, credentials.current(), clock.instant());
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(JsonEndpoint.TIMEOUT)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return SecretReader.secretStringOf(
                JsonEndpoint.call(http, request.build(), "Secrets Manager GetSecretValue, secret " + secretId), secretId);
    }
}
