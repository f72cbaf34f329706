package io.pgenrm.runtime.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Calls a JSON endpoint of the Lambda environment or of AWS, retrying what a moment's wait can fix (I/O errors,
 * 429 and 5xx: the extension starting up, throttling). Error messages carry the status and the AWS error type,
 * never a response body, since a body may hold a secret.
 */
final class JsonEndpoint {
    static final Duration TIMEOUT = Duration.ofSeconds(5);
    static final ObjectMapper JSON = new ObjectMapper();

    private static final int ATTEMPTS = 3;
    private static final long BACKOFF_MILLIS = 200;

    private JsonEndpoint() {
    }

    static HttpClient client() {
        return HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    }

    static JsonNode call(HttpClient http, HttpRequest request, String what) {
        String problem = "";
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                int status = response.statusCode();
                if (status == 200) {
                    return JSON.readTree(response.body());
                }
                problem = "HTTP " + status + errorType(response.body());
                if (status != 429 && status < 500) {
                    break;
                }
            } catch (IOException e) {
                problem = e.getClass().getSimpleName() + ": " + e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(what + " interrupted", e);
            }
            pause(attempt);
        }
        throw new IllegalStateException(what + " failed: " + problem);
    }

    private static String errorType(byte[] body) {
        try {
            JsonNode error = JSON.readTree(body);
            String type = error.path("__type").asText(error.path("Code").asText(""));
            return type.isEmpty() ? "" : " (" + type + ")";
        } catch (IOException e) {
            return "";
        }
    }

    private static void pause(int attempt) {
        if (attempt == ATTEMPTS) {
            return;
        }
        try {
            Thread.sleep(BACKOFF_MILLIS * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
