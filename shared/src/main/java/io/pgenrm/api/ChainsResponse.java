package io.pgenrm.api;

import io.pgenrm.domain.CallCost;
import io.pgenrm.domain.EvaluationChain;
import java.util.List;

/**
 * Output of {@code scoreSamples}: the chains one request produced, in the order of the samples asked for (maybe
 * fewer, maybe none), and what the request cost; the chains carry no cost of their own.
 */
public record ChainsResponse(List<EvaluationChain> chains, CallCost cost) {
    public ChainsResponse {
        chains = List.copyOf(chains);
    }
}
