package io.pgenrm.app.explorer;

import io.pgenrm.domain.CandidateReward;
import io.pgenrm.domain.EvaluationResult;
import java.util.ArrayList;
import java.util.List;

/**
 * One candidate response beside the others: its text, its final reward with the two means it was mixed from, and
 * whether the user chose it ({@code expected}; known for benchmark items only) and whether the model did.
 */
public record CandidateView(String label, String text, String reward, String selfMean, String prototypeMean,
        boolean expected, boolean chosen) {

    /** Texts may be missing (an item stored without its scenario); rewards are missing when nothing was scored. */
    static List<CandidateView> of(List<String> texts, EvaluationResult result, Integer expected) {
        int count = Math.max(texts.size(), result == null ? 0 : result.rewards().size());
        List<CandidateView> views = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            int candidate = c;
            CandidateReward reward = result == null ? null : result.rewards().stream()
                    .filter(r -> r.candidate() == candidate).findFirst().orElse(null);
            views.add(new CandidateView(Numbers.candidate(c), c < texts.size() ? texts.get(c) : null,
                    reward == null ? Numbers.NONE : Numbers.fixed(reward.reward(), 3),
                    reward == null ? Numbers.NONE : Numbers.fixed(reward.selfMean(), 3),
                    reward == null ? Numbers.NONE : Numbers.fixed(reward.prototypeMean(), 3),
                    expected != null && expected == c,
                    result != null && !result.tie() && result.choice() != null && result.choice() == c));
        }
        return views;
    }
}
