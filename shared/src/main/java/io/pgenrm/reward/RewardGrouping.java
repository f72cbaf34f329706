package io.pgenrm.reward;

import io.pgenrm.domain.Message;
import io.pgenrm.domain.UserHistory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts responses into the groups the judge compares, as GRPO samples them: every response to the same prompt for the
 * same user, across items, is judged in one group; identical responses are judged once. A group larger than the
 * judge's candidate limit is split into near-equal parts (17 into 9 and 8), so none is left alone. A lone response
 * is judged beside an empty reference answer, since the judge scores candidates against each other.
 */
public final class RewardGrouping {
    /** The reference answer a lone response is compared with. */
    public static final String REFERENCE = "";

    private RewardGrouping() {
    }

    /** Where a response of the request sits: item and position in the item's responses. */
    public record Slot(int item, int response) {
    }

    /**
     * One judged group. {@code inline} is the user's inline history, or null when the user is looked up by id.
     * {@code candidates} are in a canonical (sorted) order, so the same set of responses is the same group in any
     * order; {@code slots.get(c)} lists the request's responses that candidate {@code c} stands for (none for the
     * reference).
     */
    public record Group(String userId, UserHistory inline, List<Message> prompt, List<String> candidates,
            List<List<Slot>> slots, boolean referencePadded) {
        public Group {
            candidates = List.copyOf(candidates);
            slots = slots.stream().map(List::copyOf).toList();
        }
    }

    private record Key(String userId, String inlineVersion, List<Message> prompt) {
    }

    public static List<Group> group(List<RewardItem> items, int maxCandidates) {
        if (maxCandidates < 2) {
            throw new IllegalArgumentException("a group needs room for at least 2 candidates");
        }
        Map<Key, Map<String, List<Slot>>> byKey = new LinkedHashMap<>();
        Map<Key, UserHistory> inlineByKey = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            RewardItem item = items.get(i);
            UserHistory inline = item.inline() ? item.inlineHistory() : null;
            Key key = new Key(inline != null ? inline.userId() : item.userId(),
                    inline != null ? inline.version() : null, item.prompt());
            if (inline != null) {
                inlineByKey.put(key, inline);
            }
            Map<String, List<Slot>> responses = byKey.computeIfAbsent(key, k -> new LinkedHashMap<>());
            for (int r = 0; r < item.responses().size(); r++) {
                responses.computeIfAbsent(item.responses().get(r), text -> new ArrayList<>()).add(new Slot(i, r));
            }
        }
        List<Group> groups = new ArrayList<>();
        byKey.forEach((key, responses) -> {
            List<String> unique = new ArrayList<>(responses.keySet());
            int parts = (unique.size() + maxCandidates - 1) / maxCandidates;
            int from = 0;
            for (int part = 0; part < parts; part++) {
                int size = unique.size() / parts + (part < unique.size() % parts ? 1 : 0);
                List<String> members = new ArrayList<>(unique.subList(from, from + size));
                from += size;
                boolean padded = members.size() == 1;
                if (padded) {
                    members.add(REFERENCE);
                }
                members.sort(null);
                List<List<Slot>> slots = new ArrayList<>();
                boolean referenceSeen = false;
                for (String candidate : members) {
                    // With a lone empty response the reference is its twin; only one of the two stands for it.
                    boolean reference = padded && candidate.equals(REFERENCE)
                            && (!responses.containsKey(REFERENCE) || referenceSeen);
                    referenceSeen |= candidate.equals(REFERENCE);
                    slots.add(reference ? List.of() : responses.get(candidate));
                }
                groups.add(new Group(key.userId(), inlineByKey.get(key), key.prompt(), members, slots, padded));
            }
        });
        return groups;
    }
}
