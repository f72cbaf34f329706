package io.pgenrm.batch;

import io.pgenrm.domain.CallCost;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Accuracy of picking the user's chosen response over ALL items of a run (ties, unscored and failed items count as
 * misses and are reported on their own), overall and per history-length group, with calls and tokens. Beside it,
 * each with a 95% bootstrap interval: {@code strict} (the same figure), {@code excludingTiesAndFailures} (the paper's
 * protocol: ties, unscored and failed items left out of the denominator) and {@code tiesAsHalf}.
 * {@code faults} counts how the inference endpoint behaved: retries (with the 5xx, 429s and timeouts behind them)
 * and resamples of unusable outputs (with the cut-off ones among them).
 * {@code wallMillis} is this process's time on the run: the {@code resumedItems} finished by an earlier process
 * are not in it. {@code meanItemMillis} is the mean time of one evaluation, over the items that got a result.
 */
public record AccuracyReport(String runId, String input, String backend, String scaling, int users, int items,
        int correct, int incorrect, int ties, int unscored, int failed, double accuracy, int parseFailures,
        int callFailures, FaultCounts faults, long calls, long promptTokens, long completionTokens, long cachedCalls,
        double callsPerItem, long wallMillis, int resumedItems, double meanItemMillis, List<Group> byHistoryLength,
        List<RowError> rejectedRows, Proportion strict, Proportion excludingTiesAndFailures, Proportion tiesAsHalf) {

    /** Accuracy among users whose history length falls in [minPairs, maxPairs]. */
    public record Group(String label, int minPairs, int maxPairs, int items, int correct, int ties, double accuracy) {
    }

    private static final int[][] GROUPS = { {0, 0}, {1, 4}, {5, 9}, {10, Integer.MAX_VALUE} };

    public static AccuracyReport of(RunInfo run, List<ItemOutcome> outcomes, List<RowError> rejectedRows,
            int resumedItems, long wallMillis) {
        int correct = count(outcomes, ItemStatus.CORRECT);
        int ties = count(outcomes, ItemStatus.TIE);
        // Rejected input rows are stored as failed items without a user: they count as misses overall, but belong
        // to no user and to no history group (their history size of 0 would otherwise pass them off as cold start).
        List<ItemOutcome> ofUsers = outcomes.stream().filter(o -> !o.userId().isEmpty()).toList();
        Set<String> users = new TreeSet<>();
        CallCost cost = CallCost.NONE;
        int parse = 0;
        int call = 0;
        long itemMillis = 0;
        int timed = 0;
        for (ItemOutcome o : outcomes) {
            cost = cost.plus(o.cost());
            parse += o.parseFailures();
            call += o.callFailures();
            if (o.status() != ItemStatus.FAILED) {
                itemMillis += o.cost().wallMillis();
                timed++;
            }
        }
        ofUsers.forEach(o -> users.add(o.userId()));
        List<Group> groups = new ArrayList<>();
        for (int[] g : GROUPS) {
            List<ItemOutcome> in = ofUsers.stream()
                    .filter(o -> o.historySize() >= g[0] && o.historySize() <= g[1]).toList();
            if (in.isEmpty()) {
                continue;
            }
            String label = g[1] == Integer.MAX_VALUE ? g[0] + "+ pairs"
                    : g[0] == g[1] ? g[0] + " pairs (cold start)" : g[0] + "-" + g[1] + " pairs";
            int c = count(in, ItemStatus.CORRECT);
            groups.add(new Group(label, g[0], g[1], in.size(), c, count(in, ItemStatus.TIE), ratio(c, in.size())));
        }
        return new AccuracyReport(run.runId(), run.input(), run.backend(), run.scaling().label(), users.size(),
                outcomes.size(), correct, count(outcomes, ItemStatus.INCORRECT), ties,
                count(outcomes, ItemStatus.UNSCORED), count(outcomes, ItemStatus.FAILED),
                ratio(correct, outcomes.size()), parse, call, FaultCounts.of(cost), cost.calls(), cost.promptTokens(),
                cost.completionTokens(), cost.cachedCalls(), ratio(cost.calls(), outcomes.size()), wallMillis,
                resumedItems, timed == 0 ? 0 : (double) itemMillis / timed, groups, rejectedRows,
                Proportion.of(outcomes.stream().map(o -> o.status() == ItemStatus.CORRECT ? 1.0 : 0.0).toList()),
                Proportion.of(outcomes.stream()
                        .filter(o -> o.status() == ItemStatus.CORRECT || o.status() == ItemStatus.INCORRECT)
                        .map(o -> o.status() == ItemStatus.CORRECT ? 1.0 : 0.0).toList()),
                Proportion.of(outcomes.stream().map(o -> o.status() == ItemStatus.CORRECT ? 1.0
                        : o.status() == ItemStatus.TIE ? 0.5 : 0.0).toList()));
    }

    private static int count(List<ItemOutcome> outcomes, ItemStatus status) {
        return (int) outcomes.stream().filter(o -> o.status() == status).count();
    }

    private static double ratio(long a, long b) {
        return b == 0 ? 0 : (double) a / b;
    }
}
