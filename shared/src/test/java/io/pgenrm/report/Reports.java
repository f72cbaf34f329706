package io.pgenrm.report;

import io.pgenrm.batch.AccuracyReport;
import io.pgenrm.batch.FaultCounts;
import io.pgenrm.batch.ItemStatus;
import io.pgenrm.batch.Outcomes;
import io.pgenrm.domain.ScalingPlan;
import java.util.List;

/** A two-plan, three-repeat report built from made-up outcomes, for the report tests. */
final class Reports {
    static final ScalingPlan IND1 = ScalingPlan.of(1, 0);
    static final ScalingPlan IND4PRO4 = ScalingPlan.of(4, 4);

    private Reports() {
    }

    /**
     * Ind-1 over 10 items: 5, 5, 5 correct. Ind-4/Pro-4: 6, 7, 5 correct, with a tie, an unscored and a failed item
     * in the first and last run and a failed one in the second. Of the 10 items, 2 are cold start, with one right
     * and one wrong in every run.
     */
    static EvaluationReport sample(String reportId) {
        PlanReport ind1 = PlanReport.of(IND1, List.of(run("r-ind1", IND1, 5, 0, 0, 0), run("r-ind1-r1", IND1, 5, 0, 0, 0),
                run("r-ind1-r2", IND1, 5, 0, 0, 0)));
        PlanReport ind4pro4 = PlanReport.of(IND4PRO4, List.of(run(reportId, IND4PRO4, 6, 1, 1, 1),
                run(reportId + "-r1", IND4PRO4, 7, 0, 0, 1), run(reportId + "-r2", IND4PRO4, 5, 1, 1, 1)));
        return EvaluationReport.of(reportId, "examples/data.jsonl", "local",
                new PopulationSetup(8, 2, 8, 0, 0, 0, 300, "persona: 2 prototypes of 8 users", FaultCounts.NONE),
                List.of(ind4pro4, ind1));
    }

    /** 10 items: two cold-start ones (one correct, one incorrect) and eight of users with 12 pairs. */
    static AccuracyReport run(String runId, ScalingPlan plan, int correct, int ties, int unscored, int failed) {
        int calls = plan.ind() * 3 + plan.pro() * 2;
        int incorrect = 10 - correct - ties - unscored - failed;
        return new Outcomes(runId).add(1, ItemStatus.CORRECT, 0, calls).add(1, ItemStatus.INCORRECT, 0, calls)
                .add(correct - 1, ItemStatus.CORRECT, 12, calls).add(incorrect - 1, ItemStatus.INCORRECT, 12, calls)
                .add(ties, ItemStatus.TIE, 12, calls).add(unscored, ItemStatus.UNSCORED, 12, calls)
                .add(failed, ItemStatus.FAILED, 12, calls).report(plan, List.of(), 500);
    }
}
