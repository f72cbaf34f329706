package io.pgenrm.app.explorer;

import io.pgenrm.batch.ItemStatus;
import io.pgenrm.persistence.StoredRuns;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The items page's query string: outcome, user, history length and margin bounds, order, page and page size. A value
 * that cannot be read is left out of the filter and named in {@link #problems}, so the page still answers.
 */
public record ItemQuery(String outcome, String user, String minHistory, String maxHistory, String minMargin,
        String maxMargin, String order, int page, int size, StoredRuns.ItemFilter filter,
        StoredRuns.ItemOrder itemOrder, List<String> problems) {
    static final int DEFAULT_SIZE = 50;

    static ItemQuery parse(Function<String, String> parameter) {
        List<String> problems = new ArrayList<>();
        String outcome = text(parameter.apply("outcome")).toLowerCase(Locale.ROOT);
        ItemStatus status = null;
        if (!outcome.isEmpty()) {
            try {
                status = ItemStatus.valueOf(outcome.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add("outcome '" + outcome + "' is none of correct, incorrect, tie, unscored, failed");
                outcome = "";
            }
        }
        String user = text(parameter.apply("user"));
        String minHistory = text(parameter.apply("minHistory"));
        String maxHistory = text(parameter.apply("maxHistory"));
        String minMargin = text(parameter.apply("minMargin"));
        String maxMargin = text(parameter.apply("maxMargin"));
        String order = text(parameter.apply("order"));
        StoredRuns.ItemOrder itemOrder = switch (order) {
            case "", "item" -> StoredRuns.ItemOrder.ITEM;
            case "margin-desc" -> StoredRuns.ItemOrder.MARGIN_DESC;
            case "margin-asc" -> StoredRuns.ItemOrder.MARGIN_ASC;
            case "history-desc" -> StoredRuns.ItemOrder.HISTORY_DESC;
            default -> {
                problems.add("order '" + order + "' is none of item, margin-desc, margin-asc, history-desc");
                yield StoredRuns.ItemOrder.ITEM;
            }
        };
        Integer page = whole(parameter.apply("page"), "page", problems);
        Integer size = whole(parameter.apply("size"), "size", problems);
        StoredRuns.ItemFilter filter = new StoredRuns.ItemFilter(status, user,
                whole(minHistory, "minimum history", problems), whole(maxHistory, "maximum history", problems),
                number(minMargin, "minimum margin", problems), number(maxMargin, "maximum margin", problems));
        int pageSize = size == null ? DEFAULT_SIZE : Math.max(1, Math.min(StoredRuns.MAX_PAGE_SIZE, size));
        return new ItemQuery(outcome, user, minHistory, maxHistory, minMargin, maxMargin, order,
                page == null ? 0 : Math.max(0, page - 1), pageSize, filter, itemOrder, List.copyOf(problems));
    }

    /** This query's link with another outcome, page or user; every other setting is kept. */
    String link(String runId, String outcome, String user, int page) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("outcome", outcome);
        parameters.put("user", user);
        parameters.put("minHistory", minHistory);
        parameters.put("maxHistory", maxHistory);
        parameters.put("minMargin", minMargin);
        parameters.put("maxMargin", maxMargin);
        parameters.put("order", order);
        parameters.put("size", size == DEFAULT_SIZE ? "" : Integer.toString(size));
        parameters.put("page", page == 0 ? "" : Integer.toString(page + 1));
        return Links.query(Links.run(runId), parameters);
    }

    String link(String runId, int page) {
        return link(runId, outcome, user, page);
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }

    private static Integer whole(String value, String name, List<String> problems) {
        String v = text(value);
        if (v.isEmpty()) {
            return null;
        }
        try {
            int n = Integer.parseInt(v);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // named below
        }
        problems.add(name + " '" + v + "' is not a whole number of 0 or more");
        return null;
    }

    private static Double number(String value, String name, List<String> problems) {
        String v = text(value);
        if (v.isEmpty()) {
            return null;
        }
        try {
            double d = Double.parseDouble(v);
            if (Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // named below
        }
        problems.add(name + " '" + v + "' is not a number");
        return null;
    }
}
