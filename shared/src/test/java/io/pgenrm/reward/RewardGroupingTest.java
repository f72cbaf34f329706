package io.pgenrm.reward;

import static org.assertj.core.api.Assertions.assertThat;

import io.pgenrm.domain.Message;
import io.pgenrm.domain.PreferencePair;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RewardGroupingTest {
    private static final List<Message> ASK = List.of(new Message("user", "How do I boil an egg?"));

    private static RewardItem item(String user, List<Message> prompt, String... responses) {
        return new RewardItem(null, user, null, null, prompt, List.of(responses));
    }

    @Test
    void responsesToTheSamePromptForTheSameUserAreOneGroupAcrossItems() {
        List<RewardGrouping.Group> groups = RewardGrouping.group(List.of(item("u1", ASK, "b", "a"),
                item("u2", ASK, "c", "d"), item("u1", ASK, "e")), 16);

        assertThat(groups).hasSize(2);
        assertThat(groups.get(0).userId()).isEqualTo("u1");
        assertThat(groups.get(0).candidates()).containsExactly("a", "b", "e");
        assertThat(groups.get(0).slots()).containsExactly(List.of(new RewardGrouping.Slot(0, 1)),
                List.of(new RewardGrouping.Slot(0, 0)), List.of(new RewardGrouping.Slot(2, 0)));
        assertThat(groups.get(1).candidates()).containsExactly("c", "d");
    }

    @Test
    void identicalResponsesAreJudgedOnceAndAnsweredForEach() {
        RewardGrouping.Group group = RewardGrouping.group(List.of(item("u1", ASK, "same", "other", "same")), 16)
                .get(0);

        assertThat(group.candidates()).containsExactly("other", "same");
        assertThat(group.slots().get(1)).containsExactly(new RewardGrouping.Slot(0, 0), new RewardGrouping.Slot(0, 2));
    }

    @Test
    void aGroupOverTheCandidateLimitIsSplitIntoNearEqualParts() {
        String[] seventeen = IntStream.range(0, 17).mapToObj(i -> "response " + (char) ('a' + i))
                .toArray(String[]::new);

        List<RewardGrouping.Group> groups = RewardGrouping.group(List.of(item("u1", ASK, seventeen)), 16);

        assertThat(groups).extracting(g -> g.candidates().size()).containsExactly(9, 8);
        assertThat(groups).noneMatch(RewardGrouping.Group::referencePadded);
    }

    @Test
    void aLoneResponseIsJudgedBesideTheEmptyReference() {
        RewardGrouping.Group group = RewardGrouping.group(List.of(item("u1", ASK, "alone")), 16).get(0);

        assertThat(group.referencePadded()).isTrue();
        assertThat(group.candidates()).containsExactly(RewardGrouping.REFERENCE, "alone");
        assertThat(group.slots()).containsExactly(List.of(), List.of(new RewardGrouping.Slot(0, 0)));
    }

    @Test
    void aLoneEmptyResponseStandsForItselfOnce() {
        RewardGrouping.Group group = RewardGrouping.group(List.of(item("u1", ASK, "")), 16).get(0);

        assertThat(group.candidates()).containsExactly("", "");
        assertThat(group.slots()).containsExactly(List.of(new RewardGrouping.Slot(0, 0)), List.of());
    }

    @Test
    void anInlineUserWithoutAnIdIsNamedByTheirSignalsAndDifferentHistoriesStayApart() {
        PreferencePair pair = new PreferencePair(ASK, "short", "long answer");
        RewardItem first = new RewardItem(null, null, List.of(pair), null, ASK, List.of("a", "b"));
        RewardItem same = new RewardItem(null, null, List.of(pair), null, ASK, List.of("c"));
        RewardItem other = new RewardItem(null, null, List.of(new PreferencePair(ASK, "long answer", "short")), null,
                ASK, List.of("d", "e"));

        List<RewardGrouping.Group> groups = RewardGrouping.group(List.of(first, same, other), 16);

        assertThat(groups).hasSize(2);
        assertThat(groups.get(0).userId()).startsWith("inline-");
        assertThat(groups.get(0).candidates()).containsExactly("a", "b", "c");
        assertThat(groups.get(1).userId()).isNotEqualTo(groups.get(0).userId());
    }
}
