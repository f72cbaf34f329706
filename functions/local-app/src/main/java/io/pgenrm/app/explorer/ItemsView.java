package io.pgenrm.app.explorer;

import io.pgenrm.batch.ItemOutcome;
import io.pgenrm.batch.ItemStatus;
import io.pgenrm.persistence.StoredRuns;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The items page: the run, the filter form, one link per outcome with its count, one page of items, paging. */
public record ItemsView(RunView run, ItemQuery query, List<Outcome> outcomes, List<Row> rows, String matching,
        int page, int pages, String previous, String next, String clearUser) {

    /** A link to the items of one outcome (or all of them), with their count in the run. */
    public record Outcome(String label, String value, String count, String href, boolean active) {
    }

    public record Row(String itemId, String href, String userId, String userHref, int history, String expected,
            String choice, String rewards, String margin, String outcome, String label, String reason) {
    }

    static ItemsView of(RunView run, StoredRuns.Counts counts, ItemQuery query, StoredRuns.ItemPage page) {
        String runId = run.runId();
        List<Outcome> outcomes = new ArrayList<>();
        outcomes.add(new Outcome("all", "", Numbers.count(counts.total()), query.link(runId, "", query.user(), 0),
                query.outcome().isEmpty()));
        for (ItemStatus status : ItemStatus.values()) {
            String value = status.name().toLowerCase(Locale.ROOT);
            outcomes.add(new Outcome(label(status), value, Numbers.count(counts.of(status)),
                    query.link(runId, value, query.user(), 0), value.equals(query.outcome())));
        }
        int shown = page.page();
        String here = query.link(runId, shown);
        List<Row> rows = page.items().stream().map(row -> row(runId, query, here, row)).toList();
        return new ItemsView(run, query, outcomes, rows, Numbers.count(page.matching()), shown + 1, page.pages(),
                shown > 0 ? query.link(runId, shown - 1) : null,
                shown + 1 < page.pages() ? query.link(runId, shown + 1) : null,
                query.user().isEmpty() ? null : query.link(runId, query.outcome(), "", 0));
    }

    static String label(ItemStatus status) {
        return status == ItemStatus.TIE ? "tie" : status.name().toLowerCase(Locale.ROOT);
    }

    private static Row row(String runId, ItemQuery query, String here, StoredRuns.ItemRow row) {
        ItemOutcome o = row.outcome();
        String choice = o.status() == ItemStatus.TIE ? "tie" : Numbers.candidate(o.choice());
        String rewards = o.rewards().isEmpty() ? Numbers.NONE
                : o.rewards().stream().map(r -> Numbers.fixed(r, 2)).collect(Collectors.joining(" / "));
        return new Row(o.itemId(), Links.query(Links.item(runId, o.itemId()), Map.of("back", here)), o.userId(),
                o.userId().isEmpty() ? null : query.link(runId, query.outcome(), o.userId(), 0), o.historySize(),
                Numbers.candidate(o.expectedChoice()), choice, rewards, Numbers.fixed(row.margin(), 2),
                o.status().name().toLowerCase(Locale.ROOT), label(o.status()), o.reason());
    }
}
