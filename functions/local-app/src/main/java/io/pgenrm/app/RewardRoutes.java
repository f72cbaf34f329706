package io.pgenrm.app;

import io.pgenrm.reward.RewardEndpoints;
import io.pgenrm.reward.RewardService;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * The reward API over HTTP ({@link RewardEndpoints}: {@code POST /v1/rewards}, OpenRLHF's {@code POST /get_reward},
 * {@code GET /v1/evaluations/{id}}). Plain Vert.x routes rather than Funqy, for OpenRLHF's exact path and for 413
 * answers. The body is read on a worker thread and the answer written when the evaluations finish, so no thread waits
 * for them. {@link ApiKeyGuard} runs before these routes as before every other.
 */
@ApplicationScoped
public class RewardRoutes {
    private static final Logger LOG = Logger.getLogger(RewardRoutes.class);
    /** After the API key check (Integer.MIN_VALUE + 1), before Funqy's routes. */
    private static final int ORDER = -100;

    @Inject
    RewardService rewards;

    private RewardEndpoints endpoints;

    void install(@Observes Router router) {
        endpoints = new RewardEndpoints(rewards);
        BodyHandler body = BodyHandler.create(false).setBodyLimit(rewards.settings().limits().maxBodyBytes());
        for (String path : new String[] {RewardEndpoints.REWARDS, RewardEndpoints.OPENRLHF}) {
            router.post(path).order(ORDER).handler(body).blockingHandler(this::answer, false)
                    .failureHandler(this::bodyTooLarge);
        }
        router.get(RewardEndpoints.EVALUATIONS + "*").order(ORDER).handler(this::answer);
    }

    private void answer(RoutingContext context) {
        String body = context.body() == null ? null : context.body().asString();
        endpoints.answer(context.request().method().name(), context.normalizedPath(), body)
                .whenComplete((answer, failure) -> {
                    if (failure != null) {
                        LOG.error("reward request failed", failure);
                        send(context.response(), 500, "{\"error\": \"the request failed; see the server log\"}");
                    } else {
                        send(context.response(), answer.status(), answer.body());
                    }
                });
    }

    /** The body handler refuses a body over the cap with 413 before anything reads it. */
    private void bodyTooLarge(RoutingContext context) {
        if (context.statusCode() == 413) {
            RewardEndpoints.Answer answer = endpoints.bodyTooLarge();
            send(context.response(), answer.status(), answer.body());
        } else {
            context.next();
        }
    }

    private static void send(HttpServerResponse response, int status, String body) {
        if (!response.ended() && !response.closed()) {
            response.setStatusCode(status).putHeader("content-type", "application/json").end(body);
        }
    }
}
