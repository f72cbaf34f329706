package io.pgenrm.app;

import io.pgenrm.domain.InvalidInputException;
import io.pgenrm.reward.OpenRlhfRequest;
import io.pgenrm.reward.RewardJson;
import io.pgenrm.reward.RewardRequest;
import io.pgenrm.reward.RewardService;
import io.pgenrm.reward.TooLargeException;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * The reward API over HTTP: {@code POST /v1/rewards} (ours), {@code POST /get_reward} (OpenRLHF's path and body) and
 * {@code GET /v1/evaluations/{id}}. Plain Vert.x routes rather than Funqy, for OpenRLHF's exact path and for 413
 * answers. The body is read on a worker thread; the answer is written when the evaluations finish, so no thread
 * waits for them. {@link ApiKeyGuard} runs before these routes like before every other.
 */
@ApplicationScoped
public class RewardRoutes {
    private static final Logger LOG = Logger.getLogger(RewardRoutes.class);
    /** After the API key check (Integer.MIN_VALUE + 1), before Funqy's catch-all function routes. */
    private static final int ORDER = -100;

    @Inject
    RewardService rewards;

    private final RewardJson json = new RewardJson();

    void install(@Observes Router router) {
        BodyHandler body = BodyHandler.create(false).setBodyLimit(rewards.settings().limits().maxBodyBytes());
        router.post("/v1/rewards").order(ORDER).handler(body)
                .blockingHandler(context -> answer(context, RewardRequest.class, rewards::rewardAllAsync), false)
                .failureHandler(this::failed);
        router.post("/get_reward").order(ORDER).handler(body)
                .blockingHandler(context -> answer(context, OpenRlhfRequest.class, rewards::openRlhfAsync), false)
                .failureHandler(this::failed);
        router.get("/v1/evaluations/:id").order(ORDER).handler(this::evaluation);
    }

    private <T> void answer(RoutingContext context, Class<T> type, Function<T, CompletableFuture<?>> handler) {
        CompletableFuture<?> answer;
        try {
            answer = handler.apply(json.read(context.body().asString(), type));
        } catch (InvalidInputException e) {
            clientError(context.response(), e);
            return;
        }
        answer.whenComplete((value, failure) -> {
            if (failure == null) {
                send(context.response(), 200, json.write(value));
            } else {
                LOG.error("reward request failed", failure);
                send(context.response(), 500, json.write(Map.of("error", "the request failed: " + failure)));
            }
        });
    }

    private void evaluation(RoutingContext context) {
        String id = context.pathParam("id");
        rewards.evaluation(id).ifPresentOrElse(result -> send(context.response(), 200, json.write(result)),
                () -> send(context.response(), 404, json.write(Map.of("error", "no evaluation " + id
                        + " is held: it never ran, failed, or left the cache (pgenrm.reward.cache-size)"))));
    }

    /** The body handler refuses a body over the cap with 413 before anything reads it. */
    private void failed(RoutingContext context) {
        if (context.statusCode() == 413) {
            clientError(context.response(), new TooLargeException("body", "must be at most "
                    + rewards.settings().limits().maxBodyBytes() + " bytes (pgenrm.reward.limits.max-body-bytes)"));
        } else {
            context.next();
        }
    }

    private void clientError(HttpServerResponse response, InvalidInputException e) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("field", e.field());
        body.put("error", e.getMessage());
        send(response, e instanceof TooLargeException ? 413 : 400, json.write(body));
    }

    private static void send(HttpServerResponse response, int status, String body) {
        if (!response.ended() && !response.closed()) {
            response.setStatusCode(status).putHeader("content-type", "application/json").end(body);
        }
    }
}
