package io.pgenrm.app.explorer;

import io.pgenrm.domain.CandidateReward;
import io.pgenrm.domain.EvaluationChain;
import io.pgenrm.domain.EvaluationResult;
import io.pgenrm.domain.SampleSource;
import io.pgenrm.domain.ScalingPlan;
import java.util.List;

/**
 * An evaluation's verdict and how it was reached: each candidate's final reward with the formula that combined the
 * means of the own (Ind-N) and the neighbours' (Pro-M) samples, then every chain, own samples and neighbours' apart.
 */
public record ResultView(String verdict, String plan, String selfWeight, String prototypeWeight, List<String> formulas,
        String combinationNote, String prototype, List<UserLink> neighbours, List<ChainView> own,
        List<ChainView> theirs, String ownScored, String theirsScored, String failures, String cost) {

    public record UserLink(String userId, String href) {
    }

    static ResultView of(EvaluationResult result, ScalingPlan scaling, int candidateCount) {
        int candidates = Math.max(candidateCount, result.rewards().size());
        List<EvaluationChain> own = result.chains().stream().filter(c -> c.source() == SampleSource.SELF).toList();
        List<EvaluationChain> theirs = result.chains().stream().filter(c -> c.source() == SampleSource.NEIGHBOUR)
                .toList();
        boolean ownScored = own.stream().anyMatch(EvaluationChain::scored);
        boolean theirsScored = theirs.stream().anyMatch(EvaluationChain::scored);
        // The same weights ScoreAggregator used: a side with no scored sample gets none, the other carries it all.
        double ws = ownScored ? scaling.selfWeight() : 0;
        double wp = theirsScored ? scaling.prototypeWeight() : 0;
        if (ws + wp == 0) {
            ws = ownScored ? 1 : 0;
            wp = theirsScored ? 1 : 0;
        }
        double selfWeight = ws;
        double prototypeWeight = wp;
        List<String> formulas = result.rewards().stream().map(r -> formula(r, selfWeight, prototypeWeight)).toList();
        String note = !result.scored() ? "No sample could be scored, so there is no reward."
                : ownScored && theirsScored ? "Both sides were scored: the rewards mix their means by the plan's weights."
                : ownScored ? "No neighbour's sample was scored, so the own samples carry the whole weight."
                : "No own sample was scored, so the neighbours' samples carry the whole weight.";
        String verdict = !result.scored() ? "unscored"
                : result.tie() ? "tie" : "prefers " + Numbers.candidate(result.choice());
        return new ResultView(verdict, scaling.label(), Numbers.fixed(scaling.selfWeight(), 2),
                Numbers.fixed(scaling.prototypeWeight(), 2), formulas, note,
                result.prototypeId() < 0 ? "none" : Integer.toString(result.prototypeId()),
                result.neighbours().stream().map(n -> new UserLink(n, Links.user(n))).toList(),
                own.stream().map(c -> ChainView.of(c, candidates)).toList(),
                theirs.stream().map(c -> ChainView.of(c, candidates)).toList(),
                scoredOf(own), scoredOf(theirs),
                result.parseFailures() + " parse failure" + (result.parseFailures() == 1 ? "" : "s") + ", "
                        + result.callFailures() + " call failure" + (result.callFailures() == 1 ? "" : "s"),
                result.cost().calls() + " calls (" + result.cost().cachedCalls() + " more served by caches), "
                        + result.cost().promptTokens() + " tokens in / " + result.cost().completionTokens()
                        + " out, " + Numbers.seconds(result.cost().wallMillis()));
    }

    private static String scoredOf(List<EvaluationChain> chains) {
        return chains.stream().filter(EvaluationChain::scored).count() + " of " + chains.size() + " scored";
    }

    private static String formula(CandidateReward r, double ws, double wp) {
        StringBuilder f = new StringBuilder(Numbers.candidate(r.candidate())).append(": (");
        boolean both = r.selfMean() != null && r.prototypeMean() != null && ws > 0 && wp > 0;
        if (r.selfMean() != null && ws > 0) {
            f.append(Numbers.fixed(ws, 2)).append(" × ").append(Numbers.fixed(r.selfMean(), 3));
        }
        if (both) {
            f.append(" + ");
        }
        if (r.prototypeMean() != null && wp > 0) {
            f.append(Numbers.fixed(wp, 2)).append(" × ").append(Numbers.fixed(r.prototypeMean(), 3));
        }
        double weights = (r.selfMean() != null ? ws : 0) + (r.prototypeMean() != null ? wp : 0);
        return f.append(") / ").append(Numbers.fixed(weights, 2)).append(" = ").append(Numbers.fixed(r.reward(), 3))
                .toString();
    }
}
