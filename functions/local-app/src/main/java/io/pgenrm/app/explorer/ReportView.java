package io.pgenrm.app.explorer;

import io.pgenrm.batch.AccuracyReport;
import io.pgenrm.batch.Proportion;
import java.util.List;

/** A finished run's stored report: the three ways of counting accuracy, groups by history length, cost, rejects. */
public record ReportView(RunView run, String jsonHref, List<Line> accuracy, List<Group> groups, List<Line> cost,
        List<String> rejectedRows, int users, String wall, int resumed) {

    public record Line(String label, String value, String interval, String note) {
    }

    public record Group(String label, int items, int correct, int ties, String accuracy) {
    }

    static ReportView of(RunView run, AccuracyReport report) {
        List<Line> accuracy = List.of(
                line("strict", report.strict(), "ties, unscored and failed items count as misses"),
                line("ties and failures left out", report.excludingTiesAndFailures(), "the paper's protocol"),
                line("ties as half", report.tiesAsHalf(), "a tie earns half a hit"));
        List<Group> groups = report.byHistoryLength().stream().map(g -> new Group(g.label(), g.items(), g.correct(),
                g.ties(), Numbers.percent(g.accuracy()))).toList();
        int items = Math.max(1, report.items());
        List<Line> cost = List.of(
                new Line("judge calls", Numbers.count(report.calls()), "", Numbers.fixed(report.callsPerItem(), 1)
                        + " per item"),
                new Line("calls served by caches", Numbers.count(report.cachedCalls()), "",
                        Numbers.fixed((double) report.cachedCalls() / items, 1) + " per item"),
                new Line("tokens in", Numbers.count(report.promptTokens()), "",
                        Numbers.count(report.promptTokens() / items) + " per item"),
                new Line("tokens out", Numbers.count(report.completionTokens()), "",
                        Numbers.count(report.completionTokens() / items) + " per item"),
                new Line("parse failures", Numbers.count(report.parseFailures()), "", "samples whose output was unusable"),
                new Line("call failures", Numbers.count(report.callFailures()), "", "samples whose call failed"),
                new Line("time per evaluation", Numbers.seconds(report.meanItemMillis()), "", "mean over scored items"));
        return new ReportView(run, Links.reportJson(run.runId()), accuracy, groups, cost,
                report.rejectedRows().stream().map(r -> "line " + r.line() + ": " + r.reason()).toList(),
                report.users(), Numbers.seconds(report.wallMillis()), report.resumedItems());
    }

    private static Line line(String label, Proportion p, String note) {
        return new Line(label, Numbers.percent(p.value()), Numbers.interval(p), note + " (" + p.items() + " items)");
    }
}
