package io.pgenrm.report;

import io.pgenrm.batch.AccuracyReport;
import io.pgenrm.batch.FaultCounts;
import io.pgenrm.domain.ScalingPlan;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One scaling plan over its repeated runs. Outcome counts and costs are summed over the runs, so they add up to
 * {@code evaluations} (items per run times runs); accuracy is each run's accuracy, then their mean and spread.
 * As in each run, ties, unscored and failed items are misses. {@code faults} sums how the endpoint behaved.
 */
public record PlanReport(String plan, ScalingPlan scaling, int repeats, int itemsPerRun, int evaluations,
        Spread accuracy, int correct, int incorrect, int ties, int unscored, int failed, int parseFailures,
        int callFailures, FaultCounts faults, long calls, long cachedCalls, long promptTokens, long completionTokens,
        double callsPerEvaluation, double cachedCallsPerEvaluation, double promptTokensPerEvaluation,
        double completionTokensPerEvaluation, long wallMillis, int resumedItems, double meanItemMillis,
        List<GroupReport> byHistoryLength, List<AccuracyReport> runs) {

    public PlanReport {
        byHistoryLength = List.copyOf(byHistoryLength);
        runs = List.copyOf(runs);
    }

    /** Aggregates the runs of one plan, repeat 0 first. */
    public static PlanReport of(ScalingPlan scaling, List<AccuracyReport> runs) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("a plan report needs at least one run");
        }
        int evaluations = 0;
        int correct = 0;
        int incorrect = 0;
        int ties = 0;
        int unscored = 0;
        int failed = 0;
        int parse = 0;
        int call = 0;
        FaultCounts faults = FaultCounts.NONE;
        long calls = 0;
        long cached = 0;
        long prompt = 0;
        long completion = 0;
        long wall = 0;
        int resumed = 0;
        double itemMillis = 0;
        for (AccuracyReport r : runs) {
            evaluations += r.items();
            correct += r.correct();
            incorrect += r.incorrect();
            ties += r.ties();
            unscored += r.unscored();
            failed += r.failed();
            parse += r.parseFailures();
            call += r.callFailures();
            faults = faults.plus(r.faults());
            calls += r.calls();
            cached += r.cachedCalls();
            prompt += r.promptTokens();
            completion += r.completionTokens();
            wall += r.wallMillis();
            resumed += r.resumedItems();
            itemMillis += r.meanItemMillis() * r.items();
        }
        Spread accuracy = Spread.of(runs.stream().map(AccuracyReport::accuracy).toList());
        return new PlanReport(scaling.label(), scaling, runs.size(), runs.get(0).items(), evaluations, accuracy,
                correct, incorrect, ties, unscored, failed, parse, call, faults, calls, cached, prompt, completion,
                perEvaluation(calls, evaluations), perEvaluation(cached, evaluations),
                perEvaluation(prompt, evaluations), perEvaluation(completion, evaluations), wall, resumed,
                evaluations == 0 ? 0 : itemMillis / evaluations, groups(runs), runs);
    }

    public CostRow costRow() {
        return new CostRow(plan, repeats, callsPerEvaluation, cachedCallsPerEvaluation, promptTokensPerEvaluation,
                completionTokensPerEvaluation, accuracy, wallMillis, resumedItems);
    }

    private static List<GroupReport> groups(List<AccuracyReport> runs) {
        Map<Integer, List<AccuracyReport.Group>> byMinPairs = new LinkedHashMap<>();
        for (AccuracyReport run : runs) {
            for (AccuracyReport.Group g : run.byHistoryLength()) {
                byMinPairs.computeIfAbsent(g.minPairs(), k -> new ArrayList<>()).add(g);
            }
        }
        return byMinPairs.values().stream().map(in -> {
            AccuracyReport.Group first = in.get(0);
            return new GroupReport(first.label(), first.minPairs(), first.maxPairs(), first.items(),
                    in.stream().mapToInt(AccuracyReport.Group::ties).sum(),
                    Spread.of(in.stream().map(AccuracyReport.Group::accuracy).toList()));
        }).sorted(Comparator.comparingInt(GroupReport::minPairs)).toList();
    }

    private static double perEvaluation(long total, int evaluations) {
        return evaluations == 0 ? 0 : (double) total / evaluations;
    }
}
