package io.pgenrm.reward;

import io.pgenrm.domain.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The reward API's routes as method, path and body in, status and JSON body out, so the HTTP server and the Lambda
 * function URL answer alike: {@code POST /v1/rewards}, {@code POST /get_reward} (OpenRLHF) and
 * {@code GET /v1/evaluations/{id}}. A request over a cap is 413 and an invalid one 400, both naming the field.
 */
public final class RewardEndpoints {
    public static final String REWARDS = "/v1/rewards";
    public static final String OPENRLHF = "/get_reward";
    public static final String EVALUATIONS = "/v1/evaluations/";

    /** An HTTP answer: status and JSON body. */
    public record Answer(int status, String body) {
    }

    private final RewardService rewards;
    private final RewardJson json = new RewardJson();

    public RewardEndpoints(RewardService rewards) {
        this.rewards = rewards;
    }

    public CompletableFuture<Answer> answer(String method, String path, String body) {
        if (REWARDS.equals(path) || OPENRLHF.equals(path)) {
            if (!"POST".equals(method)) {
                return done(405, Map.of("error", path + " takes POST"));
            }
            return REWARDS.equals(path) ? judge(body, RewardRequest.class, rewards::rewardAllAsync)
                    : judge(body, OpenRlhfRequest.class, rewards::openRlhfAsync);
        }
        if (path.startsWith(EVALUATIONS) && "GET".equals(method)) {
            String id = path.substring(EVALUATIONS.length());
            return rewards.evaluation(id).map(result -> CompletableFuture.completedFuture(new Answer(200,
                    json.write(result)))).orElseGet(() -> done(404, Map.of("error", "no evaluation " + id
                    + " is held: it never ran, failed, or left the cache (pgenrm.reward.cache-size)")));
        }
        return done(404, Map.of("error", "no route " + method + " " + path));
    }

    /** The answer to a body over the byte cap, which a server refuses before reading it. */
    public Answer bodyTooLarge() {
        return clientError(new TooLargeException("body", "must be at most " + rewards.settings().limits()
                .maxBodyBytes() + " bytes (pgenrm.reward.limits.max-body-bytes)"));
    }

    private <T> CompletableFuture<Answer> judge(String body, Class<T> type,
            Function<T, CompletableFuture<?>> handler) {
        try {
            if (body != null) {
                rewards.settings().limits().checkBody(body.length());
            }
            return handler.apply(json.read(body, type)).thenApply(value -> new Answer(200, json.write(value)));
        } catch (InvalidInputException e) {
            return CompletableFuture.completedFuture(clientError(e));
        }
    }

    private Answer clientError(InvalidInputException e) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("field", e.field());
        body.put("error", e.getMessage());
        return new Answer(e instanceof TooLargeException ? 413 : 400, json.write(body));
    }

    private CompletableFuture<Answer> done(int status, Map<String, String> body) {
        return CompletableFuture.completedFuture(new Answer(status, json.write(body)));
    }
}
