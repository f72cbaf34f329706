package io.pgenrm.report;

import io.pgenrm.batch.AccuracyReport;
import io.pgenrm.batch.Baseline;
import io.pgenrm.batch.RowError;
import java.util.Comparator;
import java.util.List;

/**
 * Everything one {@code pgenrm evaluate} produced: every scaling plan over its repeats, and the accuracy-versus-cost
 * table ordered by the calls each plan needs per evaluation. {@code itemsPerRun} counts rejected input rows, which
 * every run records as failed items.
 */
public record EvaluationReport(String reportId, String input, String backend, int users, int itemsPerRun,
        int repeats, PopulationSetup population, List<PlanReport> plans, List<CostRow> accuracyVersusCost,
        List<RowError> rejectedRows, List<Baseline> baselines, List<String> notes) {

    public EvaluationReport {
        baselines = List.copyOf(baselines);
        notes = List.copyOf(notes);
        plans = List.copyOf(plans);
        accuracyVersusCost = List.copyOf(accuracyVersusCost);
        rejectedRows = List.copyOf(rejectedRows);
    }

    public static EvaluationReport of(String reportId, String input, String backend, PopulationSetup population,
            List<PlanReport> plans) {
        return of(reportId, input, backend, population, plans, List.of(), List.of());
    }

    /**
     * @param baselines non-personalized predictors on the same test items
     * @param notes     how the input was read (e.g. what became of val rows, where profiles came from)
     */
    public static EvaluationReport of(String reportId, String input, String backend, PopulationSetup population,
            List<PlanReport> plans, List<Baseline> baselines, List<String> notes) {
        if (plans.isEmpty()) {
            throw new IllegalArgumentException("a report needs at least one plan");
        }
        AccuracyReport first = plans.get(0).runs().get(0);
        List<CostRow> table = plans.stream().map(PlanReport::costRow)
                .sorted(Comparator.comparingDouble(CostRow::neededCallsPerEvaluation)).toList();
        int repeats = plans.stream().mapToInt(PlanReport::repeats).max().orElse(0);
        return new EvaluationReport(reportId, input, backend, first.users(), first.items(), repeats, population,
                plans, table, first.rejectedRows(), baselines, notes);
    }
}
