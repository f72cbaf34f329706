package io.pgenrm.app.explorer;

import io.pgenrm.batch.ItemOutcome;
import io.pgenrm.domain.Message;
import io.pgenrm.persistence.StoredRuns;
import java.util.List;
import java.util.Locale;

/** One item: its outcome, the conversation and the candidates side by side, and the result with its chains. */
public record ItemView(RunView run, String itemId, String userId, String userHref, String userItemsHref, int history,
        String outcome, String label, String expected, String choice, String reason, List<MessageView> conversation,
        boolean scenarioStored, List<CandidateView> candidates, ResultView result, String backHref) {

    public record MessageView(String role, String content) {
    }

    static ItemView of(RunView run, StoredRuns.Run stored, StoredRuns.Item item, String backHref) {
        ItemOutcome o = item.outcome();
        List<MessageView> conversation = item.scenario() == null ? List.of()
                : item.scenario().context().stream().map(ItemView::message).toList();
        List<String> texts = item.scenario() == null ? List.of() : item.scenario().candidates();
        Integer expected = o.expectedChoice() >= 0 ? o.expectedChoice() : null;
        int candidates = Math.max(texts.size(), o.rewards().size());
        return new ItemView(run, o.itemId(), o.userId(), o.userId().isEmpty() ? null : Links.user(o.userId()),
                o.userId().isEmpty() ? null : Links.query(run.href(), java.util.Map.of("user", o.userId())),
                o.historySize(), o.status().name().toLowerCase(Locale.ROOT), ItemsView.label(o.status()),
                Numbers.candidate(expected), o.choice() == null ? Numbers.NONE : Numbers.candidate(o.choice()),
                o.reason(), conversation, item.scenario() != null,
                CandidateView.of(texts, item.result(), expected),
                item.result() == null ? null : ResultView.of(item.result(), stored.scaling(), candidates), backHref);
    }

    private static MessageView message(Message m) {
        return new MessageView(m.role(), m.content());
    }
}
