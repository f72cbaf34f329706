package io.pgenrm.persistence;

import io.pgenrm.batch.AccuracyReport;
import io.pgenrm.batch.ItemOutcome;
import io.pgenrm.batch.ItemStatus;
import io.pgenrm.domain.EvaluationResult;
import io.pgenrm.domain.Persona;
import io.pgenrm.domain.ScalingPlan;
import io.pgenrm.domain.Scenario;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Read-only queries for the chain explorer over stored runs, their items and personas. A run's items are counted,
 * filtered and paged in SQL (on the columns of V5__explorer_columns.sql), and a page never reads the items' results:
 * only {@link #item} reads one item's result, so a page costs the same on a run of 100 items as on one of 10,000.
 */
@ApplicationScoped
public class StoredRuns {
    public static final int MAX_PAGE_SIZE = 200;

    @Inject
    Pool pool;

    @Inject
    JsonColumns json;

    /**
     * A stored run with its report once it is finished. {@code counts} are its items by outcome: the report's for a
     * finished run in {@link #runs()}, else as stored now.
     */
    public record Run(String runId, String input, String backend, ScalingPlan scaling, String status,
            OffsetDateTime createdAt, OffsetDateTime finishedAt, AccuracyReport report, Counts counts) {
        public boolean finished() {
            return report != null;
        }
    }

    /** Items of a run by outcome. */
    public record Counts(Map<ItemStatus, Integer> byStatus) {
        public Counts {
            byStatus = Map.copyOf(byStatus);
        }

        public int of(ItemStatus status) {
            return byStatus.getOrDefault(status, 0);
        }

        public int total() {
            return byStatus.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** Which items of a run to list; a null field does not filter. Margins are reward gaps, history in pairs. */
    public record ItemFilter(ItemStatus status, String userId, Integer minHistory, Integer maxHistory,
            Double minMargin, Double maxMargin) {
        public static final ItemFilter ALL = new ItemFilter(null, null, null, null, null, null);

        public ItemFilter {
            userId = userId == null || userId.isBlank() ? null : userId.strip();
        }
    }

    /** How a page of items is ordered. */
    public enum ItemOrder {
        ITEM("item_id"), MARGIN_DESC("margin desc nulls last, item_id"), MARGIN_ASC("margin asc nulls last, item_id"),
        HISTORY_DESC("history_size desc, item_id");

        private final String sql;

        ItemOrder(String sql) {
            this.sql = sql;
        }
    }

    /** One listed item: its stored outcome and the reward margin computed from it. */
    public record ItemRow(ItemOutcome outcome, Double margin) {
    }

    /** One page of a filtered item list, with the number of items the filter matches in all. */
    public record ItemPage(List<ItemRow> items, long matching, int page, int pageSize) {
        public int pages() {
            return (int) Math.max(1, (matching + pageSize - 1) / pageSize);
        }
    }

    /** One item in full: outcome, result with its chains (null when none), and the scenario when it was stored. */
    public record Item(ItemOutcome outcome, EvaluationResult result, Scenario scenario) {
    }

    /** Every stored run, the newest first; runs without a report (still running, or stopped) get live counts. */
    public List<Run> runs() {
        List<Row> rows = rows("select run_id, input, backend, scaling_json, status, report_json, created_at, "
                + "finished_at from batch_runs order by created_at desc, run_id", Tuple.tuple());
        List<String> unreported = rows.stream().filter(r -> r.getString("report_json") == null)
                .map(r -> r.getString("run_id")).toList();
        Map<String, Counts> live = counts(unreported);
        return rows.stream().map(r -> run(r, live.get(r.getString("run_id")))).toList();
    }

    /** One run, with its items counted as stored now. */
    public Optional<Run> run(String runId) {
        List<Row> rows = rows("select run_id, input, backend, scaling_json, status, report_json, created_at, "
                + "finished_at from batch_runs where run_id = $1", Tuple.of(runId));
        return rows.stream().findFirst().map(r -> run(r, counts(List.of(runId)).get(runId)));
    }

    /** The run's stored report as its JSON text, if it is finished. */
    public Optional<String> reportJson(String runId) {
        return rows("select report_json from batch_runs where run_id = $1 and report_json is not null",
                Tuple.of(runId)).stream().findFirst().map(r -> r.getString("report_json"));
    }

    /** Page {@code page} (from 0) of the run's items that pass {@code filter}. */
    public ItemPage items(String runId, ItemFilter filter, ItemOrder order, int page, int pageSize) {
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE || page < 0) {
            throw new IllegalArgumentException("page " + page + " of size " + pageSize + " is out of range");
        }
        List<Object> parameters = new ArrayList<>();
        parameters.add(runId);
        StringBuilder where = new StringBuilder(" where run_id = $1");
        condition(where, parameters, "status =", filter.status() == null ? null : filter.status().name());
        condition(where, parameters, "user_id =", filter.userId());
        condition(where, parameters, "history_size >=", filter.minHistory());
        condition(where, parameters, "history_size <=", filter.maxHistory());
        condition(where, parameters, "margin >=", filter.minMargin());
        condition(where, parameters, "margin <=", filter.maxMargin());
        long matching = rows("select count(*) as matching from batch_items" + where, Tuple.from(parameters))
                .get(0).getLong("matching");
        List<Object> paged = new ArrayList<>(parameters);
        paged.add(pageSize);
        paged.add((long) page * pageSize);
        List<ItemRow> items = rows("select outcome_json, margin from batch_items" + where + " order by " + order.sql
                + " limit $" + (paged.size() - 1) + " offset $" + paged.size(), Tuple.from(paged)).stream()
                .map(r -> new ItemRow(json.read(r.getString("outcome_json"), ItemOutcome.class), r.getDouble("margin")))
                .toList();
        return new ItemPage(items, matching, page, pageSize);
    }

    public Optional<Item> item(String runId, String itemId) {
        return rows("select outcome_json, result_json, scenario_json from batch_items where run_id = $1 "
                + "and item_id = $2", Tuple.of(runId, itemId)).stream().findFirst().map(r -> new Item(
                        json.read(r.getString("outcome_json"), ItemOutcome.class),
                        r.getString("result_json") == null ? null
                                : json.read(r.getString("result_json"), EvaluationResult.class),
                        r.getString("scenario_json") == null ? null
                                : json.read(r.getString("scenario_json"), Scenario.class)));
    }

    /**
     * The persona induced for the user's history version {@code historyVersion} at seed 0 (the one the population
     * was built from), else the user's most recently stored one.
     */
    public Optional<Persona> persona(String userId, String historyVersion) {
        return rows("select persona_json from personas where user_id = $1 "
                + "order by (history_version = $2) desc, (seed = 0) desc, id desc limit 1",
                Tuple.of(userId, historyVersion)).stream().findFirst()
                .map(r -> json.read(r.getString("persona_json"), Persona.class));
    }

    private static void condition(StringBuilder where, List<Object> parameters, String test, Object value) {
        if (value != null) {
            parameters.add(value);
            where.append(" and ").append(test).append(" $").append(parameters.size());
        }
    }

    private Map<String, Counts> counts(Collection<String> runIds) {
        if (runIds.isEmpty()) {
            return Map.of();
        }
        Map<String, Map<ItemStatus, Integer>> byRun = new HashMap<>();
        for (Row r : rows("select run_id, status, count(*) as items from batch_items where run_id = any($1) "
                + "group by run_id, status", Tuple.of(runIds.toArray(String[]::new)))) {
            byRun.computeIfAbsent(r.getString("run_id"), id -> new EnumMap<>(ItemStatus.class))
                    .put(ItemStatus.valueOf(r.getString("status")), r.getLong("items").intValue());
        }
        Map<String, Counts> counts = new HashMap<>();
        runIds.forEach(id -> counts.put(id, new Counts(byRun.getOrDefault(id, Map.of()))));
        return counts;
    }

    /** With {@code live} counts when given, else the report's. */
    private Run run(Row r, Counts live) {
        String report = r.getString("report_json");
        AccuracyReport parsed = report == null ? null : json.read(report, AccuracyReport.class);
        Counts counts = live != null ? live : countsOf(parsed);
        return new Run(r.getString("run_id"), r.getString("input"), r.getString("backend"),
                json.read(r.getString("scaling_json"), ScalingPlan.class), r.getString("status"),
                r.getOffsetDateTime("created_at"), r.getOffsetDateTime("finished_at"), parsed, counts);
    }

    private static Counts countsOf(AccuracyReport report) {
        Map<ItemStatus, Integer> counts = new EnumMap<>(ItemStatus.class);
        counts.put(ItemStatus.CORRECT, report.correct());
        counts.put(ItemStatus.INCORRECT, report.incorrect());
        counts.put(ItemStatus.TIE, report.ties());
        counts.put(ItemStatus.UNSCORED, report.unscored());
        counts.put(ItemStatus.FAILED, report.failed());
        return new Counts(counts);
    }

    private List<Row> rows(String sql, Tuple parameters) {
        List<Row> rows = new ArrayList<>();
        ReactiveRunStore.await(() -> pool.preparedQuery(sql).execute(parameters).invoke(set -> set.forEach(rows::add)));
        return rows;
    }
}
