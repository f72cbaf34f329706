package io.pgenrm.workflow;

import io.pgenrm.api.AggregateScoresRequest;
import io.pgenrm.domain.CallCost;
import io.pgenrm.domain.CandidateReward;
import io.pgenrm.domain.ChainStatus;
import io.pgenrm.domain.EvaluationChain;
import io.pgenrm.domain.EvaluationResult;
import io.pgenrm.domain.SampleSource;
import java.util.ArrayList;
import java.util.List;

/**
 * final = w_self * mean(self samples) + w_pro * mean(neighbour samples), per candidate; when one side has no
 * scored sample the other side carries the whole weight. Failed samples are counted, never averaged in.
 */
public final class ScoreAggregator {
    static final double TIE_EPSILON = 1e-9;

    private ScoreAggregator() {
    }

    public static EvaluationResult aggregate(AggregateScoresRequest request) {
        int k = request.candidateCount();
        List<EvaluationChain> self = scored(request.chains(), SampleSource.SELF);
        List<EvaluationChain> neighbours = scored(request.chains(), SampleSource.NEIGHBOUR);
        int parseFailures = count(request.chains(), ChainStatus.PARSE_FAILURE);
        int callFailures = count(request.chains(), ChainStatus.CALL_FAILURE);
        CallCost cost = request.chains().stream().map(EvaluationChain::cost).reduce(CallCost.NONE, CallCost::plus);
        double ws = self.isEmpty() ? 0 : request.scaling().selfWeight();
        double wp = neighbours.isEmpty() ? 0 : request.scaling().prototypeWeight();
        if (ws + wp == 0) {
            // Both sides present but with zero weight on the present one: fall back to whatever was scored.
            ws = self.isEmpty() ? 0 : 1;
            wp = neighbours.isEmpty() ? 0 : 1;
        }
        List<CandidateReward> rewards = new ArrayList<>();
        if (ws + wp > 0) {
            for (int c = 0; c < k; c++) {
                Double selfMean = mean(self, c);
                Double protoMean = mean(neighbours, c);
                double reward = ((selfMean == null ? 0 : ws * selfMean) + (protoMean == null ? 0 : wp * protoMean))
                        / (ws + wp);
                rewards.add(new CandidateReward(c, reward, selfMean, protoMean));
            }
        }
        Integer choice = null;
        boolean tie = false;
        if (!rewards.isEmpty()) {
            double best = rewards.stream().mapToDouble(CandidateReward::reward).max().orElseThrow();
            List<CandidateReward> top = rewards.stream().filter(r -> best - r.reward() <= TIE_EPSILON).toList();
            tie = top.size() > 1;
            choice = tie ? null : top.get(0).candidate();
        }
        return new EvaluationResult(request.userId(), rewards, choice, tie, request.prototypeId(),
                request.neighbours(), request.chains(), parseFailures, callFailures, cost);
    }

    private static List<EvaluationChain> scored(List<EvaluationChain> chains, SampleSource source) {
        return chains.stream().filter(c -> c.source() == source && c.scored()).toList();
    }

    private static int count(List<EvaluationChain> chains, ChainStatus status) {
        return (int) chains.stream().filter(c -> c.status() == status).count();
    }

    private static Double mean(List<EvaluationChain> chains, int candidate) {
        if (chains.isEmpty()) {
            return null;
        }
        return chains.stream().mapToDouble(c -> c.total(candidate)).average().orElseThrow();
    }
}
