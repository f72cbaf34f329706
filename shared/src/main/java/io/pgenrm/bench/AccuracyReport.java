package io.pgenrm.bench;

import io.pgenrm.domain.CallCost;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Accuracy of picking the user's chosen response over ALL items of a run (ties, unscored and failed items count as
 * misses and are reported on their own), overall and per history-length group, with calls and tokens.
 */
public record AccuracyReport(String runId, String input, String backend, String scaling, int users, int items,
        int correct, int incorrect, int ties, int unscored, int failed, double accuracy, int parseFailures,
        int callFailures, long calls, long promptTokens, long completionTokens, long cachedCalls,
        double callsPerItem, long wallMillis, List<Group> byHistoryLength, List<RowError> rejectedRows) {

    /** Accuracy among users whose history length falls in [minPairs, maxPairs]. */
    public record Group(String label, int minPairs, int maxPairs, int items, int correct, int ties, double accuracy) {
    }

    private static final int[][] GROUPS = { {0, 0}, {1, 4}, {5, 9}, {10, Integer.MAX_VALUE} };

    public static AccuracyReport of(RunInfo run, List<ItemOutcome> outcomes, List<RowError> rejectedRows,
            CallCost setupCost, long wallMillis) {
        int correct = count(outcomes, ItemStatus.CORRECT);
        int ties = count(outcomes, ItemStatus.TIE);
        Set<String> users = new TreeSet<>();
        CallCost cost = setupCost;
        int parse = 0;
        int call = 0;
        for (ItemOutcome o : outcomes) {
            users.add(o.userId());
            cost = cost.plus(o.cost());
            parse += o.parseFailures();
            call += o.callFailures();
        }
        List<Group> groups = new ArrayList<>();
        for (int[] g : GROUPS) {
            List<ItemOutcome> in = outcomes.stream()
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
                ratio(correct, outcomes.size()), parse, call, cost.calls(), cost.promptTokens(),
                cost.completionTokens(), cost.cachedCalls(), outcomes.isEmpty() ? 0 : (double) cost.calls() / outcomes.size(),
                wallMillis, groups, rejectedRows);
    }

    public String summary() {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "run %s  backend %s  scaling %s%n", runId, backend, scaling));
        s.append(String.format(Locale.ROOT, "accuracy %.2f%%  (%d correct of %d items; %d incorrect, %d ties, "
                + "%d unscored, %d failed)%n", 100 * accuracy, correct, items, incorrect, ties, unscored, failed));
        s.append(String.format(Locale.ROOT, "users %d  calls %d (%.1f per item, %d saved by caches)  tokens %d in / "
                + "%d out  parse failures %d  call failures %d  rejected rows %d  wall %.1f s%n", users, calls,
                callsPerItem, cachedCalls, promptTokens, completionTokens, parseFailures, callFailures,
                rejectedRows.size(), wallMillis / 1000.0));
        for (Group g : byHistoryLength) {
            s.append(String.format(Locale.ROOT, "  history %-22s %4d items  accuracy %.2f%%  ties %d%n", g.label(),
                    g.items(), 100 * g.accuracy(), g.ties()));
        }
        return s.toString();
    }

    private static int count(List<ItemOutcome> outcomes, ItemStatus status) {
        return (int) outcomes.stream().filter(o -> o.status() == status).count();
    }

    private static double ratio(int a, int b) {
        return b == 0 ? 0 : (double) a / b;
    }
}
