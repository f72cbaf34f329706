package io.pgenrm.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The parts of an OpenAI chat completion request the simulator uses. {@code seed} and {@code maxTokens} are null
 * when not given; {@code max_completion_tokens} wins over the older {@code max_tokens}.
 */
record ChatCompletionRequest(String model, List<Message> messages, Long seed, Integer maxTokens, int n) {
    static final int MAX_CHOICES = 128;
    private static final ObjectMapper JSON = new ObjectMapper();

    record Message(String role, String content) {
    }

    /** Thrown for a body the real API would answer with 400; {@code param} names the offending field. */
    static final class Invalid extends Exception {
        final String param;

        Invalid(String param, String message) {
            super(message);
            this.param = param;
        }
    }

    static ChatCompletionRequest parse(byte[] body) throws Invalid {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new Invalid(null, "the body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new Invalid(null, "the body cannot be read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new Invalid(null, "the body must be a JSON object");
        }
        JsonNode model = root.get("model");
        if (model == null || !model.isTextual() || model.asText().isBlank()) {
            throw new Invalid("model", "you must provide a model parameter");
        }
        JsonNode messagesNode = root.get("messages");
        if (messagesNode == null || !messagesNode.isArray() || messagesNode.isEmpty()) {
            throw new Invalid("messages", "messages must be a non-empty array");
        }
        List<Message> messages = new ArrayList<>();
        for (JsonNode m : messagesNode) {
            if (!m.path("role").isTextual()) {
                throw new Invalid("messages", "every message needs a role");
            }
            messages.add(new Message(m.get("role").asText(), content(m.get("content"))));
        }
        if (root.path("stream").asBoolean(false)) {
            throw new Invalid("stream", "the simulator does not stream; send stream=false");
        }
        int n = root.path("n").isMissingNode() || root.path("n").isNull() ? 1 : root.path("n").asInt(0);
        if (n < 1 || n > MAX_CHOICES) {
            throw new Invalid("n", "n must be between 1 and " + MAX_CHOICES);
        }
        JsonNode seed = root.get("seed");
        JsonNode maxTokens = firstPresent(root, "max_completion_tokens", "max_tokens");
        if (maxTokens != null && (!maxTokens.canConvertToInt() || maxTokens.asInt() < 1)) {
            throw new Invalid("max_tokens", "max_tokens must be a positive integer");
        }
        return new ChatCompletionRequest(model.asText(), messages,
                seed == null || seed.isNull() ? null : seed.asLong(),
                maxTokens == null ? null : maxTokens.asInt(), n);
    }

    /** What the judge reads: the last user message, which is where pgenrm puts the whole task. */
    String userMessage() {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).role().equals("user")) {
                return messages.get(i).content();
            }
        }
        return messages.get(messages.size() - 1).content();
    }

    int promptChars() {
        return messages.stream().mapToInt(m -> m.content().length()).sum();
    }

    /** Plain text, or the text parts of a multi-part content array. */
    private static String content(JsonNode node) {
        if (node == null || node.isNull()) {
            return "";
        }
        if (node.isArray()) {
            StringBuilder text = new StringBuilder();
            node.forEach(part -> text.append(part.path("text").asText("")));
            return text.toString();
        }
        return node.asText();
    }

    private static JsonNode firstPresent(JsonNode root, String... names) {
        for (String name : names) {
            JsonNode value = root.get(name);
            if (value != null && !value.isNull()) {
                return value;
            }
        }
        return null;
    }
}
