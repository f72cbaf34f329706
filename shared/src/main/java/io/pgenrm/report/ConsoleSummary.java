package io.pgenrm.report;

import io.pgenrm.batch.AccuracyReport;
import io.pgenrm.batch.Baseline;
import java.util.Locale;

/** The report as console text: each plan with its spread and groups, then the accuracy-versus-cost table. */
public final class ConsoleSummary {
    private ConsoleSummary() {
    }

    public static String of(EvaluationReport report) {
        StringBuilder s = new StringBuilder();
        report.notes().forEach(note -> s.append("note: ").append(note).append('\n'));
        s.append("Pro-M ").append(report.population().proM()).append('\n');
        for (PlanReport p : report.plans()) {
            s.append(String.format(Locale.ROOT, "plan %s  accuracy %s", p.plan(), p.accuracy().asPercent()));
            if (p.repeats() > 1) {
                s.append("  (runs");
                p.accuracy().values().forEach(v -> s.append(String.format(Locale.ROOT, " %.2f", 100 * v)));
                s.append(')');
            }
            s.append(String.format(Locale.ROOT, "%n  %d evaluations (%d items x %d runs): %d correct, %d incorrect, "
                    + "%d ties, %d unscored, %d failed; parse failures %d, call failures %d%n", p.evaluations(),
                    p.itemsPerRun(), p.repeats(), p.correct(), p.incorrect(), p.ties(), p.unscored(), p.failed(),
                    p.parseFailures(), p.callFailures()));
            if (report.backend().startsWith("llm") || p.faults().any()) {
                s.append("  endpoint: ").append(p.faults().text()).append('\n');
            }
            s.append(String.format(Locale.ROOT, "  per evaluation: %.1f calls (+%.1f served by caches), %.0f tokens "
                    + "in / %.0f out, %.0f ms; wall %s%n", p.callsPerEvaluation(), p.cachedCallsPerEvaluation(),
                    p.promptTokensPerEvaluation(), p.completionTokensPerEvaluation(), p.meanItemMillis(),
                    wall(p.wallMillis(), p.resumedItems())));
            AccuracyReport first = p.runs().get(0);
            s.append(String.format(Locale.ROOT, "  95%% intervals%s: strict %s; ties and failures left out %s; "
                    + "ties as half %s%n", p.repeats() > 1 ? " (run 1)" : "", first.strict().asPercent(),
                    first.excludingTiesAndFailures().asPercent(), first.tiesAsHalf().asPercent()));
            for (GroupReport g : p.byHistoryLength()) {
                s.append(String.format(Locale.ROOT, "  history %-22s %4d items  accuracy %-16s ties %d%n",
                        g.label(), g.items(), g.accuracy().asPercent(), g.ties()));
            }
        }
        if (!report.baselines().isEmpty()) {
            s.append(String.format(Locale.ROOT, "baselines on the same %d items (no personalization)%n",
                    report.baselines().get(0).strict().items()));
            for (Baseline b : report.baselines()) {
                s.append(String.format(Locale.ROOT, "  %-22s strict %s; ties as half %s; ties %d%n", b.name(),
                        b.strict().asPercent(), b.tiesAsHalf().asPercent(), b.ties()));
            }
        }
        s.append(String.format(Locale.ROOT, "accuracy versus cost (per evaluation; %d repeats)%n", report.repeats()));
        s.append(String.format(Locale.ROOT, "  %-14s %8s %8s %11s %11s  %-16s %9s%n", "plan", "calls", "cached",
                "tokens in", "tokens out", "accuracy", "wall"));
        for (CostRow row : report.accuracyVersusCost()) {
            s.append(String.format(Locale.ROOT, "  %-14s %8.1f %8.1f %11.0f %11.0f  %-16s %9s%n", row.plan(),
                    row.callsPerEvaluation(), row.cachedCallsPerEvaluation(), row.promptTokensPerEvaluation(),
                    row.completionTokensPerEvaluation(), row.accuracy().asPercent(),
                    wall(row.wallMillis(), row.resumedItems())));
        }
        if (report.accuracyVersusCost().stream().anyMatch(row -> row.resumedItems() > 0)) {
            s.append("  * resumed: the time an earlier process spent on its items is not included\n");
        }
        return s.toString();
    }

    /** Seconds; a star marks time that misses the items an earlier process finished. */
    static String wall(long millis, int resumedItems) {
        return String.format(Locale.ROOT, "%.1f s%s", millis / 1000.0, resumedItems > 0 ? "*" : "");
    }
}
