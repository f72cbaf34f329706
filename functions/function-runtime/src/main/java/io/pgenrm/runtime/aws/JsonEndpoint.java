package io.pgenrm.runtime.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Calls a JSON endpoint of the Lambda environment or of AWS, retrying what a moment's wait can fix (I/O errors,
 * 429 and 5xx: the extension starting up, throttling). Error messages carry the status and the AWS error type,
 * never a response body nor a parser's message about one, since a body may hold a secret.
 */
final class JsonEndpoint {
    static final Duration TIMEOUT = Duration.ofSeconds(5);
    static final ObjectMapper JSON = new ObjectMapper();

    /** Three attempts, 200 ms then 400 ms apart. */
    private static final RetryPolicy<JsonNode> RETRIES = RetryPolicy.<JsonNode>builder()
            .handle(Transient.class).withBackoff(Duration.ofMillis(200), Duration.ofMillis(400)).withMaxRetries(2)
            .build();

    private JsonEndpoint() {
    }

    static HttpClient client() {
        return HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    }

    static JsonNode call(HttpClient http, HttpRequest request, String what) {
        try {
            return Failsafe.with(RETRIES).get(() -> attempt(http, request, what));
        } catch (Transient e) {
            throw new IllegalStateException(what + " failed: " + e.getMessage());
        } catch (FailsafeException e) {
            // Only an interrupted wait between attempts gets here; Failsafe has restored the interrupt flag.
            throw new IllegalStateException(what + " interrupted", e.getCause());
        }
    }

    private static JsonNode attempt(HttpClient http, HttpRequest request, String what) {
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new Transient(e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(what + " interrupted", e);
        }
        int status = response.statusCode();
        if (status == 200) {
            try {
                return JSON.readTree(response.body());
            } catch (IOException e) {
                // The parser's message quotes the body, so neither it nor the exception is passed on.
                throw new IllegalStateException(what + " failed: the answer is not JSON");
            }
        }
        String problem = "HTTP " + status + errorType(response.body());
        if (status == 429 || status >= 500) {
            throw new Transient(problem);
        }
        throw new IllegalStateException(what + " failed: " + problem);
    }

    private static String errorType(byte[] body) {
        try {
            JsonNode error = JSON.readTree(body);
            String type = error == null ? "" : error.path("__type").asText(error.path("Code").asText(""));
            type = type.substring(type.lastIndexOf('#') + 1);
            // An AWS error type is one word of letters such as ResourceNotFoundException; anything else is not
            // quoted, since a misbehaving proxy could put anything there.
            return type.matches("[A-Za-z]{1,64}") ? " (" + type + ")" : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** A failure worth another attempt; its message says what happened without quoting any body. */
    private static final class Transient extends RuntimeException {
        Transient(String problem) {
            super(problem, null, false, false);
        }
    }
}
