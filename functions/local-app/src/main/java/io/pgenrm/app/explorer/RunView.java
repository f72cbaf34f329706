package io.pgenrm.app.explorer;

import io.pgenrm.batch.AccuracyReport;
import io.pgenrm.batch.ItemStatus;
import io.pgenrm.persistence.StoredRuns;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * One run as the Runs page and the run's own pages show it. Accuracy and its 95% interval come from the run's
 * report, written when it finished; a run without one (still running, or stopped) shows its items as stored so far.
 */
public record RunView(String runId, String href, String reportHref, String input, String backend, String plan,
        String weights, String status, boolean finished, String created, String items, int correct, int incorrect,
        int ties, int unscored, int failed, String accuracy, String interval, String parseFailures,
        String callFailures, String callsPerItem, String cachedPerItem, String tokensPerItem, String secondsPerItem) {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    static RunView of(StoredRuns.Run run) {
        AccuracyReport report = run.report();
        StoredRuns.Counts counts = run.counts();
        String none = Numbers.NONE;
        int items = counts.total();
        String accuracy = report != null ? Numbers.percent(report.accuracy())
                : items == 0 ? none : Numbers.percent((double) counts.of(ItemStatus.CORRECT) / items) + " so far";
        String status = run.finished() ? "finished" : "RUNNING".equals(run.status()) ? "not finished" : run.status();
        return new RunView(run.runId(), Links.run(run.runId()), Links.report(run.runId()), run.input(), run.backend(),
                run.scaling().label(), "self " + Numbers.fixed(run.scaling().selfWeight(), 2) + ", prototypes "
                        + Numbers.fixed(run.scaling().prototypeWeight(), 2),
                status, run.finished(), run.createdAt() == null ? none
                        : WHEN.format(run.createdAt().withOffsetSameInstant(ZoneOffset.UTC)) + " UTC",
                Numbers.count(items), counts.of(ItemStatus.CORRECT), counts.of(ItemStatus.INCORRECT),
                counts.of(ItemStatus.TIE), counts.of(ItemStatus.UNSCORED), counts.of(ItemStatus.FAILED), accuracy,
                report == null ? none : Numbers.interval(report.strict()),
                report == null ? none : Numbers.count(report.parseFailures()),
                report == null ? none : Numbers.count(report.callFailures()),
                report == null ? none : Numbers.fixed(report.callsPerItem(), 1),
                report == null || report.items() == 0 ? none
                        : Numbers.fixed((double) report.cachedCalls() / report.items(), 1),
                report == null || report.items() == 0 ? none
                        : Numbers.count(report.promptTokens() / report.items()) + " in / "
                                + Numbers.count(report.completionTokens() / report.items()) + " out",
                report == null ? none : Numbers.seconds(report.meanItemMillis()));
    }
}
