package io.pgenrm.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A bare OpenAI-protocol client over real HTTP, as the tests' stand-in for any client. */
final class ChatClient {
    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String baseUrl;

    ChatClient(SimulatedInferenceServer server) {
        this.baseUrl = server.baseUrl();
    }

    record Reply(int status, JsonNode body, HttpResponse<String> raw) {
        String content(int choice) {
            return body.path("choices").path(choice).path("message").path("content").asText();
        }
    }

    static ObjectNode body(String userMessage, long seed, int n) {
        ObjectNode body = JSON.createObjectNode();
        body.put("model", "judge");
        body.putArray("messages").addObject().put("role", "user").put("content", userMessage);
        body.put("temperature", 0.7);
        body.put("seed", seed);
        body.put("n", n);
        return body;
    }

    Reply post(ObjectNode body) throws IOException, InterruptedException {
        return post(body.toString(), null);
    }

    Reply post(String body, Duration timeout) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/chat/completions"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (timeout != null) {
            request.timeout(timeout);
        }
        return reply(http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
    }

    Reply get(String path) throws IOException, InterruptedException {
        URI uri = URI.create(baseUrl.substring(0, baseUrl.length() - "/v1".length()) + path);
        return reply(http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString()));
    }

    private static Reply reply(HttpResponse<String> response) throws IOException {
        return new Reply(response.statusCode(), JSON.readTree(response.body()), response);
    }
}
