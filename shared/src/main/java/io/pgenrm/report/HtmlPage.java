package io.pgenrm.report;

import io.pgenrm.batch.AccuracyReport;
import io.pgenrm.batch.Baseline;
import io.pgenrm.batch.FaultCounts;
import io.pgenrm.batch.Proportion;
import io.pgenrm.batch.RowError;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The report as one self-contained HTML page: inline CSS and inline SVG plots, no script, font or anything else
 * fetched from elsewhere, so it can be mailed, archived or opened offline. Every text taken from the report (run
 * ids, file names, reasons of rejected rows) is HTML-escaped.
 */
public final class HtmlPage {
    private static final String[] COLOURS = {"#1f6fb2", "#d1495b", "#2e8b57", "#8e5ac8", "#e08a1e", "#6b4f3a",
            "#c2549d", "#1a9fa8"};
    private static final int WIDTH = 680;
    private static final int LEFT = 64;
    private static final int RIGHT = 24;
    private static final int TOP = 20;
    private static final int BOTTOM = 56;

    private static final String STYLE = """
            body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d2430;max-width:1080px;\
            margin:2rem auto;padding:0 1rem}
            h1{font-size:1.35rem;margin-bottom:.2rem}h2{font-size:1.1rem;margin-top:2.2rem;\
            border-bottom:1px solid #d5dae1;padding-bottom:.2rem}
            code{font:12.5px ui-monospace,Menlo,Consolas,monospace;background:#f2f4f7;padding:0 .25rem;border-radius:3px}
            table{border-collapse:collapse;margin:.6rem 0}th,td{padding:.25rem .7rem;border-bottom:1px solid #e3e7ec;\
            text-align:right;white-space:nowrap}th{background:#f6f7f9;font-weight:600}
            th:first-child,td:first-child{text-align:left}td.text{text-align:left;white-space:normal}
            .muted{color:#5b6675}.swatch{display:inline-block;width:.8rem;height:.8rem;border-radius:2px;\
            margin-right:.35rem;vertical-align:-1px}
            ul.legend{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.4rem 1.2rem}
            svg{max-width:100%;height:auto}svg text{font:12px system-ui,sans-serif;fill:#1d2430}
            """;

    private HtmlPage() {
    }

    public static String of(EvaluationReport report) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>pgenrm report ").append(escape(report.reportId())).append("</title>\n")
                .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
        h.append("<h1>pgenrm evaluation report <code>").append(escape(report.reportId())).append("</code></h1>\n");
        PopulationSetup pop = report.population();
        h.append(String.format(Locale.ROOT, "<p class=\"muted\">Input <code>%s</code>, backend <code>%s</code>: "
                + "%d users, %d items per run (%d rejected input rows among them), %d repeat%s per plan. "
                + "Population: %d personas induced, %d prototypes, %d calls, %.1f s%s. Pro-M %s.</p>%n",
                escape(report.input()), escape(report.backend()), report.users(), report.itemsPerRun(),
                report.rejectedRows().size(), report.repeats(), report.repeats() == 1 ? "" : "s", pop.personas(),
                pop.prototypes(), pop.calls(), pop.wallMillis() / 1000.0,
                pop.faults().any() ? "; endpoint: " + escape(pop.faults().text()) : "", escape(pop.proM())));

        h.append("<h2>Accuracy with 95% intervals, beside the baselines</h2>\n");
        intervalTable(h, report);
        for (String note : report.notes()) {
            h.append("<p class=\"muted\">").append(escape(note)).append("</p>\n");
        }

        h.append("<h2>Accuracy versus cost</h2>\n");
        costTable(h, report);
        h.append("<figure>\n").append(costChart(report)).append("<figcaption class=\"muted\">Accuracy (mean, bars "
                + "&plusmn; one sample standard deviation over the repeats) against the judge calls each plan "
                + "needs per evaluation, made or served by a cache.</figcaption>\n</figure>\n");

        h.append("<h2>Accuracy by history length</h2>\n");
        h.append("<figure>\n").append(groupChart(report));
        legend(h, report.plans());
        h.append("<figcaption class=\"muted\">Users grouped by the number of past preference pairs; 0 pairs is "
                + "cold start. Dashed line: chance (50%).</figcaption>\n</figure>\n");
        groupTable(h, report);

        h.append("<h2>Outcomes</h2>\n");
        outcomeTable(h, report);
        h.append("<h2>Runs</h2>\n");
        runTable(h, report);
        if (!report.rejectedRows().isEmpty()) {
            h.append("<h2>Rejected input rows</h2>\n<table>\n<tr><th>line</th><th>item</th><th>reason</th></tr>\n");
            for (RowError e : report.rejectedRows()) {
                h.append("<tr><td>").append(e.line()).append("</td><td class=\"text\"><code>").append(escape(e.itemId()))
                        .append("</code></td><td class=\"text\">").append(escape(e.reason())).append("</td></tr>\n");
            }
            h.append("</table>\n");
        }
        h.append("<h2>How to read this</h2>\n<ul>\n"
                + "<li>Accuracy divides the correct items by <em>all</em> items of a run: ties, unscored items (no "
                + "sample could be scored) and failed items are misses, each counted in its own column.</li>\n"
                + "<li>Spread is the sample standard deviation (n &minus; 1) of the runs' accuracies; the repeats "
                + "of a plan differ only in their sample seeds.</li>\n"
                + "<li>Costs are per evaluation (one item in one run). Persona inductions cached by an earlier plan "
                + "are served, not made, so made calls depend on the order of the plans; made plus cached do not. "
                + "The population setup is shared and not in any plan's cost.</li>\n"
                + "<li>Wall time is this process's time on the plan's runs; a star marks runs resumed from an "
                + "earlier process, whose time is not included.</li>\n</ul>\n");
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    /** Escapes the five characters that matter in HTML text and attribute values. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder s = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> s.append("&amp;");
                case '<' -> s.append("&lt;");
                case '>' -> s.append("&gt;");
                case '"' -> s.append("&quot;");
                case '\'' -> s.append("&#39;");
                default -> s.append(c);
            }
        }
        return s.toString();
    }

    private static void costTable(StringBuilder h, EvaluationReport report) {
        h.append("<table>\n<tr><th>plan</th><th>repeats</th><th>calls / eval</th><th>cached / eval</th>"
                + "<th>tokens in / eval</th><th>tokens out / eval</th><th>accuracy</th><th>wall</th></tr>\n");
        for (CostRow row : report.accuracyVersusCost()) {
            h.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%d</td><td>%.1f</td><td>%.1f</td><td>%.0f</td>"
                    + "<td>%.0f</td><td>%s</td><td>%s</td></tr>%n", escape(row.plan()), row.repeats(),
                    row.callsPerEvaluation(), row.cachedCallsPerEvaluation(), row.promptTokensPerEvaluation(),
                    row.completionTokensPerEvaluation(), escape(row.accuracy().asPercent()),
                    ConsoleSummary.wall(row.wallMillis(), row.resumedItems())));
        }
        h.append("</table>\n");
    }

    private static void groupTable(StringBuilder h, EvaluationReport report) {
        h.append("<table>\n<tr><th>history</th><th>items per run</th>");
        report.plans().forEach(p -> h.append("<th>").append(escape(p.plan())).append("</th>"));
        h.append("</tr>\n");
        for (Map.Entry<Integer, GroupReport> g : groupsByMinPairs(report).entrySet()) {
            h.append("<tr><td>").append(escape(g.getValue().label())).append("</td><td>")
                    .append(g.getValue().items()).append("</td>");
            for (PlanReport p : report.plans()) {
                GroupReport mine = p.byHistoryLength().stream().filter(x -> x.minPairs() == g.getKey()).findFirst()
                        .orElse(null);
                h.append("<td>").append(mine == null ? "&ndash;" : escape(mine.accuracy().asPercent())
                        + (mine.ties() > 0 ? " (" + mine.ties() + " ties)" : "")).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n");
    }

    private static void outcomeTable(StringBuilder h, EvaluationReport report) {
        h.append("<table>\n<tr><th>plan</th><th>evaluations</th><th>correct</th><th>incorrect</th><th>ties</th>"
                + "<th>unscored</th><th>failed</th><th>parse failures</th><th>call failures</th>"
                + "<th>retries</th><th>5xx</th><th>429</th><th>timeouts</th><th>resamples</th><th>cut off</th>"
                + "<th>ms / eval</th></tr>\n");
        for (PlanReport p : report.plans()) {
            FaultCounts f = p.faults();
            h.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%d</td><td>%d</td><td>%d</td><td>%d</td>"
                    + "<td>%d</td><td>%d</td><td>%d</td><td>%d</td><td>%d</td><td>%d</td><td>%d</td><td>%d</td>"
                    + "<td>%d</td><td>%d</td><td>%.0f</td></tr>%n", escape(p.plan()),
                    p.evaluations(), p.correct(), p.incorrect(), p.ties(), p.unscored(), p.failed(),
                    p.parseFailures(), p.callFailures(), f.retries(), f.serverErrors(), f.rateLimited(),
                    f.timeouts(), f.resamples(), f.cutOffOutputs(), p.meanItemMillis()));
        }
        h.append("</table>\n<p class=\"muted\">Parse failures and call failures count samples, not items: an item "
                + "is unscored only when every one of its samples failed. Retries, 5xx, 429 and timeouts count "
                + "attempts at the inference endpoint; resamples count outputs asked for again because one was "
                + "unusable, cut off at the token limit among them.</p>\n");
    }

    /** Each plan's first run and each baseline on the same items: strict, the paper's protocol, ties as half. */
    private static void intervalTable(StringBuilder h, EvaluationReport report) {
        h.append("<table>\n<tr><th>predictor</th><th>strict</th><th>ties and failures left out</th>"
                + "<th>ties as half</th></tr>\n");
        for (PlanReport p : report.plans()) {
            AccuracyReport first = p.runs().get(0);
            intervalRow(h, p.plan() + (p.repeats() > 1 ? " (run 1)" : ""), first.strict(),
                    first.excludingTiesAndFailures().asPercent(), first.tiesAsHalf());
        }
        for (Baseline b : report.baselines()) {
            intervalRow(h, "baseline: " + b.name(), b.strict(), "", b.tiesAsHalf());
        }
        h.append("</table>\n");
    }

    private static void intervalRow(StringBuilder h, String name, Proportion strict, String paper,
            Proportion half) {
        h.append("<tr><td class=\"text\">").append(escape(name)).append("</td><td>").append(strict.asPercent())
                .append("</td><td>").append(escape(paper)).append("</td><td>").append(half.asPercent())
                .append("</td></tr>\n");
    }

    private static void runTable(StringBuilder h, EvaluationReport report) {
        h.append("<table>\n<tr><th>run id</th><th>plan</th><th>accuracy</th><th>correct</th><th>ties</th>"
                + "<th>unscored</th><th>failed</th><th>calls</th><th>cached</th><th>wall</th><th>resumed items</th>"
                + "</tr>\n");
        for (PlanReport p : report.plans()) {
            for (AccuracyReport r : p.runs()) {
                h.append(String.format(Locale.ROOT, "<tr><td><code>%s</code></td><td>%s</td><td>%.2f%%</td>"
                        + "<td>%d</td><td>%d</td><td>%d</td><td>%d</td><td>%d</td><td>%d</td><td>%s</td><td>%d</td>"
                        + "</tr>%n", escape(r.runId()), escape(p.plan()), 100 * r.accuracy(), r.correct(), r.ties(),
                        r.unscored(), r.failed(), r.calls(), r.cachedCalls(),
                        ConsoleSummary.wall(r.wallMillis(), r.resumedItems()), r.resumedItems()));
            }
        }
        h.append("</table>\n");
    }

    private static void legend(StringBuilder h, List<PlanReport> plans) {
        h.append("<ul class=\"legend\">");
        for (int i = 0; i < plans.size(); i++) {
            h.append("<li><span class=\"swatch\" style=\"background:").append(colour(i)).append("\"></span>")
                    .append(escape(plans.get(i).plan())).append("</li>");
        }
        h.append("</ul>\n");
    }

    private static String costChart(EvaluationReport report) {
        int height = 380;
        List<PlanReport> plans = report.plans();
        double xMax = 0;
        double lo = 1;
        double hi = 0;
        for (PlanReport p : plans) {
            xMax = Math.max(xMax, p.callsPerEvaluation() + p.cachedCallsPerEvaluation());
            lo = Math.min(lo, p.accuracy().mean() - p.accuracy().std());
            hi = Math.max(hi, p.accuracy().mean() + p.accuracy().std());
        }
        Axis x = Axis.covering(0, xMax <= 0 ? 1 : xMax * 1.1, LEFT, WIDTH - RIGHT);
        Axis y = Axis.covering(Math.max(0, Math.floor((lo - 0.02) * 20) / 20),
                Math.min(1, Math.ceil((hi + 0.02) * 20) / 20), height - BOTTOM, TOP);
        StringBuilder s = svgStart(height, "Accuracy versus judge calls per evaluation");
        frame(s, x, y, height, false);
        s.append(text(LEFT + (WIDTH - LEFT - RIGHT) / 2.0, height - 12, "middle",
                "judge calls per evaluation (made + served by caches)"));
        chanceLine(s, y);
        for (int i = 0; i < plans.size(); i++) {
            PlanReport p = plans.get(i);
            double cx = x.at(p.callsPerEvaluation() + p.cachedCallsPerEvaluation());
            double cy = y.at(p.accuracy().mean());
            errorBar(s, cx, y.at(p.accuracy().mean() - p.accuracy().std()),
                    y.at(p.accuracy().mean() + p.accuracy().std()), colour(i));
            s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"5\" fill=\"%s\"><title>%s: %s, "
                    + "%.1f calls per evaluation</title></circle>%n", cx, cy, colour(i), escape(p.plan()),
                    escape(p.accuracy().asPercent()), p.callsPerEvaluation() + p.cachedCallsPerEvaluation()));
            s.append(text(cx + 8, cy - 8, "start", p.plan()));
        }
        return s.append("</svg>\n").toString();
    }

    private static String groupChart(EvaluationReport report) {
        int height = 340;
        Map<Integer, GroupReport> groups = groupsByMinPairs(report);
        List<PlanReport> plans = report.plans();
        Axis y = Axis.covering(0, 1, height - BOTTOM, TOP);
        StringBuilder s = svgStart(height, "Accuracy by history length and plan");
        frame(s, null, y, height, true);
        chanceLine(s, y);
        double band = (double) (WIDTH - LEFT - RIGHT) / Math.max(1, groups.size());
        double bar = band * 0.8 / Math.max(1, plans.size());
        int g = 0;
        for (Map.Entry<Integer, GroupReport> group : groups.entrySet()) {
            double start = LEFT + g * band + band * 0.1;
            for (int i = 0; i < plans.size(); i++) {
                GroupReport mine = plans.get(i).byHistoryLength().stream()
                        .filter(x -> x.minPairs() == group.getKey()).findFirst().orElse(null);
                if (mine == null) {
                    continue;
                }
                Spread a = mine.accuracy();
                double left = start + i * bar;
                double top = y.at(a.mean());
                s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
                        + "fill=\"%s\"><title>%s, history %s: %s</title></rect>%n", left + 1, top,
                        Math.max(1, bar - 2), y.at(0) - top, colour(i), escape(plans.get(i).plan()),
                        escape(mine.label()), escape(a.asPercent())));
                errorBar(s, left + bar / 2, y.at(Math.max(0, a.mean() - a.std())),
                        y.at(Math.min(1, a.mean() + a.std())), "#1d2430");
                if (bar >= 22) {
                    // Above the error bar, so a bar of 0% (all ties, say) still shows its value.
                    s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" "
                            + "style=\"font-size:10px\">%.0f</text>%n", left + bar / 2,
                            y.at(Math.min(1, a.mean() + a.std())) - 4, 100 * a.mean()));
                }
            }
            double centre = LEFT + g * band + band / 2;
            s.append(text(centre, height - BOTTOM + 18, "middle", group.getValue().label()));
            s.append(text(centre, height - BOTTOM + 34, "middle", group.getValue().items() + " items per run"));
            g++;
        }
        return s.append("</svg>\n").toString();
    }

    /** Every history group any plan has, by its lower bound; the first plan's copy supplies label and size. */
    private static Map<Integer, GroupReport> groupsByMinPairs(EvaluationReport report) {
        Map<Integer, GroupReport> groups = new TreeMap<>();
        report.plans().forEach(p -> p.byHistoryLength().forEach(g -> groups.putIfAbsent(g.minPairs(), g)));
        return groups;
    }

    private static StringBuilder svgStart(int height, String title) {
        return new StringBuilder(String.format(Locale.ROOT, "<svg viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" "
                + "role=\"img\" aria-label=\"%s\">%n<title>%s</title>%n", WIDTH, height, WIDTH, height,
                escape(title), escape(title)));
    }

    /** Grid lines and tick labels; percent ticks on y, x ticks only when there is a numeric x axis. */
    private static void frame(StringBuilder s, Axis x, Axis y, int height, boolean bars) {
        for (double t : y.ticks()) {
            double py = y.at(t);
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#e3e7ec\"/>%n",
                    LEFT, py, WIDTH - RIGHT, py));
            s.append(text(LEFT - 6, py + 4, "end", String.format(Locale.ROOT, "%.0f%%", 100 * t)));
        }
        if (x != null) {
            for (double t : x.ticks()) {
                double px = x.at(t);
                s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" "
                        + "stroke=\"#e3e7ec\"/>%n", px, TOP, px, height - BOTTOM));
                s.append(text(px, height - BOTTOM + 16, "middle", Axis.label(t)));
            }
        }
        s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#5b6675\"/>%n",
                LEFT, height - BOTTOM, WIDTH - RIGHT, height - BOTTOM));
        s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#5b6675\"/>%n",
                LEFT, TOP, LEFT, height - BOTTOM));
        s.append(String.format(Locale.ROOT, "<text x=\"16\" y=\"%.1f\" text-anchor=\"middle\" "
                + "transform=\"rotate(-90 16 %.1f)\">%s</text>%n", (TOP + height - BOTTOM) / 2.0,
                (TOP + height - BOTTOM) / 2.0, bars ? "accuracy per group" : "accuracy"));
    }

    private static void chanceLine(StringBuilder s, Axis y) {
        if (y.contains(0.5)) {
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#8a94a3\" "
                    + "stroke-dasharray=\"5 4\"/>%n", LEFT, y.at(0.5), WIDTH - RIGHT, y.at(0.5)));
        }
    }

    private static void errorBar(StringBuilder s, double x, double yLow, double yHigh, String colour) {
        if (Math.abs(yLow - yHigh) < 0.5) {
            return;
        }
        s.append(String.format(Locale.ROOT, "<path d=\"M%.1f %.1fV%.1fM%.1f %.1fH%.1fM%.1f %.1fH%.1f\" "
                + "stroke=\"%s\" stroke-width=\"1.5\" fill=\"none\"/>%n", x, yLow, yHigh, x - 4, yLow, x + 4,
                x - 4, yHigh, x + 4, colour));
    }

    private static String text(double x, double y, String anchor, String content) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">%s</text>%n", x, y, anchor,
                escape(content));
    }

    private static String colour(int index) {
        return COLOURS[index % COLOURS.length];
    }

    /** A linear axis from data values to pixels, with round tick values (1, 2 or 5 times a power of ten). */
    private record Axis(double min, double max, double fromPixel, double toPixel, double step) {
        static Axis covering(double min, double max, double fromPixel, double toPixel) {
            double span = max > min ? max - min : 1;
            double raw = span / 5;
            double power = Math.pow(10, Math.floor(Math.log10(raw)));
            double step = raw / power < 1.5 ? power : raw / power < 3.5 ? 2 * power : raw / power < 7.5 ? 5 * power
                    : 10 * power;
            double top = Math.ceil(max / step - 1e-9) * step;
            return new Axis(min, max > min ? Math.max(max, top) : min + 1, fromPixel, toPixel, step);
        }

        double at(double value) {
            return fromPixel + (value - min) / (max - min) * (toPixel - fromPixel);
        }

        boolean contains(double value) {
            return value >= min && value <= max;
        }

        List<Double> ticks() {
            List<Double> ticks = new ArrayList<>();
            for (double t = Math.ceil(min / step - 1e-9) * step; t <= max + 1e-9; t += step) {
                ticks.add(Math.abs(t) < 1e-12 ? 0 : t);
            }
            return ticks;
        }

        static String label(double value) {
            return Math.abs(value - Math.rint(value)) < 1e-9 ? String.format(Locale.ROOT, "%.0f", value)
                    : String.format(Locale.ROOT, "%.1f", value);
        }
    }
}
