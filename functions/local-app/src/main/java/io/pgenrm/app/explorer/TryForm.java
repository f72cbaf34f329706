package io.pgenrm.app.explorer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pgenrm.api.EvaluateRequest;
import io.pgenrm.domain.InvalidInputException;
import io.pgenrm.domain.Message;
import io.pgenrm.domain.PreferencePair;
import io.pgenrm.domain.ScalingPlan;
import io.pgenrm.domain.Scenario;
import io.pgenrm.domain.UserHistory;
import io.pgenrm.domain.UserProfile;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * The Try it form: a new pair of responses to one prompt, for a stored user (their stored history is used) or an
 * inline one (a user id and their past choices as JSON), at a small scaling plan.
 */
public record TryForm(String who, String user, String inlineUser, String history, String prompt, String first,
        String second, String ind, String pro) {
    static final int MAX_SAMPLES = 16;
    static final String STORED = "stored";
    static final String INLINE = "inline";

    static final String EXAMPLE_PROMPT = "How should I prepare for a job interview next week?";
    static final String EXAMPLE_FIRST = "Research the company, practise answers to common questions out loud, "
            + "prepare two or three questions of your own, and plan your route so you arrive ten minutes early.";
    static final String EXAMPLE_SECOND = """
            ## Before the day
            - **Research** the company: products, values, recent news.
            - **Practise** the STAR method (situation, task, action, result) on five stories from your work.
            - **Prepare** questions about the team and how success is measured.

            ## On the day
            - Arrive ten minutes early, bring copies of your CV, and take notes.

            Would you like me to draft answers to the questions you expect?""";
    static final String EXAMPLE_HISTORY = """
            [{"context": [{"role": "user", "content": "How do I boil an egg?"}],
              "chosen": "Put it in boiling water for 7 minutes, then into cold water.",
              "rejected": "## Boiling an egg\\n1. **Bring** water to a boil.\\n2. **Lower** the egg in gently.\\n3. **Wait** 7 minutes.\\nWant tips for peeling?"}]""";

    static TryForm example(String user) {
        return new TryForm(user == null ? INLINE : STORED, user == null ? "" : user, "new-user", EXAMPLE_HISTORY,
                EXAMPLE_PROMPT, EXAMPLE_FIRST, EXAMPLE_SECOND, "2", "2");
    }

    static TryForm read(Function<String, String> field) {
        return new TryForm(INLINE.equals(field.apply("who")) ? INLINE : STORED, text(field.apply("user")),
                text(field.apply("inlineUser")), text(field.apply("history")), text(field.apply("prompt")),
                text(field.apply("first")), text(field.apply("second")), text(field.apply("ind")),
                text(field.apply("pro")));
    }

    public boolean inline() {
        return INLINE.equals(who);
    }

    /** The evaluation this form asks for. */
    EvaluateRequest request(ObjectMapper json) {
        String userId = inline() ? inlineUser : user;
        if (userId.isEmpty()) {
            throw new InvalidInputException(inline() ? "inlineUser" : "user", "is required");
        }
        UserHistory userHistory = null;
        if (inline()) {
            try {
                PreferencePair[] pairs = history.isEmpty() ? new PreferencePair[0]
                        : json.readValue(history, PreferencePair[].class);
                userHistory = new UserHistory(userId, List.of(pairs), UserProfile.EMPTY);
            } catch (JsonProcessingException e) {
                throw new InvalidInputException("history", "is not a JSON list of past choices ({\"context\": "
                        + "[{\"role\", \"content\"}], \"chosen\", \"rejected\"}): " + e.getOriginalMessage());
            }
        }
        if (prompt.isEmpty() || first.isEmpty() || second.isEmpty()) {
            throw new InvalidInputException("scenario", "the prompt and both responses are required");
        }
        ScalingPlan scaling = new ScalingPlan(samples(ind, "ind"), samples(pro, "pro"), 0.5, 0.5);
        return new EvaluateRequest("try-" + UUID.randomUUID(), userId, userHistory,
                new Scenario(List.of(new Message("user", prompt)), List.of(first, second)), scaling);
    }

    private static int samples(String value, String field) {
        try {
            int n = Integer.parseInt(value);
            if (n >= 0 && n <= MAX_SAMPLES) {
                return n;
            }
        } catch (NumberFormatException e) {
            // named below
        }
        throw new InvalidInputException(field, "must be a whole number from 0 to " + MAX_SAMPLES);
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }
}
