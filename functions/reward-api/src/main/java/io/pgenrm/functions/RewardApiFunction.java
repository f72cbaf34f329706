package io.pgenrm.functions;

import io.pgenrm.reward.RewardEndpoints;
import io.pgenrm.reward.RewardService;
import io.pgenrm.runtime.RequestBodies;
import io.pgenrm.runtime.aws.FunctionUrlRequest;
import io.pgenrm.runtime.aws.FunctionUrlResponse;
import io.quarkus.funqy.Funq;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The reward API behind a Lambda function URL: the same routes and answers as {@code pgenrm serve}'s
 * ({@link RewardEndpoints}). Callers authenticate to AWS (IAM auth on the URL), so there is no API key here.
 */
@ApplicationScoped
public class RewardApiFunction {
    private final RewardEndpoints endpoints;

    @Inject
    public RewardApiFunction(RewardService rewards) {
        this.endpoints = new RewardEndpoints(rewards);
    }

    @Funq
    public FunctionUrlResponse rewardApi(FunctionUrlRequest request) {
        RequestBodies.require(request);
        RewardEndpoints.Answer answer = endpoints.answer(request.method(), request.path(), request.text()).join();
        return FunctionUrlResponse.json(answer.status(), answer.body());
    }
}
