package io.pgenrm.reward;

import io.pgenrm.domain.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A trainer's query read back into what the judge needs. OpenRLHF sends each query as its prompt, rendered by the
 * policy's chat template, followed by the generated response with its end token; {@code prompts} carries the prompt
 * alone. The response is what follows the prompt, end tokens trimmed; the prompt's turns are read from the ChatML,
 * Llama 3 or Gemma markup, else the whole prompt is one user turn.
 */
public record TrainerQuery(List<Message> prompt, String response, String error) {
    private static final List<String> END_TOKENS = List.of("<|im_end|>", "<|eot_id|>", "<|endoftext|>",
            "<|end_of_text|>", "</s>", "<end_of_turn>", "<eos>", "<|end|>");
    private static final List<String> BEGIN_TOKENS = List.of("<|begin_of_text|>", "<s>", "<bos>");
    private static final List<Pattern> TEMPLATES = List.of(
            Pattern.compile("<\\|im_start\\|>(\\w+)\\s*\\n(.*?)(?=<\\|im_end\\|>|<\\|im_start\\|>|$)", Pattern.DOTALL),
            Pattern.compile("<\\|start_header_id\\|>(\\w+)<\\|end_header_id\\|>(.*?)(?=<\\|eot_id\\|>|<\\|start_header_id\\|>|$)",
                    Pattern.DOTALL),
            Pattern.compile("<start_of_turn>(\\w+)\\s*\\n(.*?)(?=<end_of_turn>|<start_of_turn>|$)", Pattern.DOTALL));

    public boolean failed() {
        return error != null;
    }

    private static TrainerQuery failure(String error) {
        return new TrainerQuery(List.of(), "", error);
    }

    /** Splits {@code query} at its prompt; a query that does not contain its prompt is a failure, not a guess. */
    public static TrainerQuery split(String query, String prompt) {
        if (prompt.isBlank()) {
            return failure("its prompts entry is empty, so there is no prompt to judge the response against");
        }
        int at = query.startsWith(prompt) ? 0 : query.indexOf(prompt);
        if (at < 0) {
            return failure("the query does not contain its prompts entry, so its response cannot be told apart");
        }
        List<Message> messages = messages(prompt);
        if (messages.isEmpty()) {
            return failure("its prompts entry holds no message text");
        }
        return new TrainerQuery(messages, trimEnd(query.substring(at + prompt.length())), null);
    }

    static List<Message> messages(String prompt) {
        for (Pattern template : TEMPLATES) {
            Matcher turn = template.matcher(prompt);
            List<Message> messages = new ArrayList<>();
            while (turn.find()) {
                String content = turn.group(2).strip();
                if (!content.isEmpty()) {
                    messages.add(new Message(role(turn.group(1)), content));
                }
            }
            if (messages.stream().anyMatch(m -> m.role().equals("user"))) {
                return messages;
            }
        }
        String text = prompt.strip();
        for (boolean trimmed = true; trimmed; ) {
            trimmed = false;
            for (String token : BEGIN_TOKENS) {
                if (text.startsWith(token)) {
                    text = text.substring(token.length()).strip();
                    trimmed = true;
                }
            }
        }
        return text.isEmpty() ? List.of() : List.of(new Message("user", text));
    }

    private static String role(String templateRole) {
        return switch (templateRole) {
            case "model", "gpt", "bot" -> "assistant";
            case "human" -> "user";
            default -> templateRole;
        };
    }

    static String trimEnd(String response) {
        String text = response.strip();
        for (boolean trimmed = true; trimmed; ) {
            trimmed = false;
            for (String token : END_TOKENS) {
                if (text.endsWith(token)) {
                    text = text.substring(0, text.length() - token.length()).strip();
                    trimmed = true;
                }
            }
        }
        return text;
    }
}
