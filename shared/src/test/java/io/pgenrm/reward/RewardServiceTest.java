package io.pgenrm.reward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.pgenrm.domain.InvalidInputException;
import io.pgenrm.domain.Message;
import io.pgenrm.domain.PreferencePair;
import io.pgenrm.domain.ScalingPlan;
import io.pgenrm.domain.UserHistory;
import io.pgenrm.workflow.DirectEvaluationSteps;
import io.pgenrm.workflow.InMemoryPersonaCache;
import io.pgenrm.workflow.Population;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RewardServiceTest {
    private static final List<Message> ASK = List.of(new Message("user", "Tell me about tea."));
    private static final UserHistory LONG_FAN = new UserHistory("long-fan",
            List.of(new PreferencePair(ASK, "a long and careful answer", "tea")), null);
    private static final UserHistory SHORT_FAN = new UserHistory("short-fan",
            List.of(new PreferencePair(ASK, "tea", "a long and careful answer")), null);

    private final List<RewardService> services = new ArrayList<>();

    private RewardService service(ScriptedJudge judge, int maxInFlight, Duration deadline, RewardLimits limits) {
        Map<String, UserHistory> users = Map.of(LONG_FAN.userId(), LONG_FAN, SHORT_FAN.userId(), SHORT_FAN);
        DirectEvaluationSteps steps = new DirectEvaluationSteps(judge, new InMemoryPersonaCache(),
                Population.EMPTY::index, id -> Optional.ofNullable(users.get(id)), 0);
        Population population = new Population(users, Population.EMPTY.index());
        RewardService service = new RewardService(steps, () -> population, new RewardSettings(ScalingPlan.of(2, 0), 2, maxInFlight, deadline, 100,
                        limits));
        services.add(service);
        return service;
    }

    private RewardService service(ScriptedJudge judge) {
        return service(judge, 4, Duration.ofSeconds(20), RewardLimits.DEFAULT);
    }

    @AfterEach
    void stop() {
        services.forEach(RewardService::close);
    }

    private static RewardItem item(String user, List<Message> prompt, String... responses) {
        return new RewardItem(null, user, null, null, prompt, List.of(responses));
    }

    private static List<Double> rewards(ItemRewards item) {
        return item.rewards().stream().map(ResponseReward::reward).toList();
    }

    @Test
    void rewardsComeInItemOrderAndFollowEachUsersOwnPreference() {
        RewardResponse response = service(new ScriptedJudge(0)).rewardAll(new RewardRequest(List.of(
                item("long-fan", ASK, "a long and careful answer", "tea"),
                item("short-fan", ASK, "a long and careful answer", "tea")), null));

        List<Double> longFan = rewards(response.items().get(0));
        List<Double> shortFan = rewards(response.items().get(1));
        assertThat(longFan.get(0)).isGreaterThan(longFan.get(1));
        assertThat(shortFan.get(0)).isLessThan(shortFan.get(1));
        for (ItemRewards item : response.items()) {
            assertThat(item.error()).isNull();
            for (ResponseReward reward : item.rewards()) {
                assertThat(reward.score()).isBetween(0.0, 1.0).isCloseTo((reward.reward() - 1) / 9, within(1e-12));
            }
        }
        assertThat(response.evaluations()).extracting(GroupOutcome::coldStart).containsExactly(false, false);
    }

    @Test
    void responsesToOnePromptForOneUserAreJudgedAsOneGroupAcrossItems() {
        ScriptedJudge judge = new ScriptedJudge(0);

        RewardResponse response = service(judge).rewardAll(new RewardRequest(List.of(
                item("long-fan", ASK, "tea", "green"), item("long-fan", ASK, "a long and careful answer")), null));

        assertThat(response.usage().evaluations()).isEqualTo(1);
        assertThat(response.evaluations().get(0).responses()).isEqualTo(3);
        String id = response.items().get(0).rewards().get(0).evaluationId();
        assertThat(response.items()).flatExtracting(ItemRewards::rewards).extracting(ResponseReward::evaluationId)
                .containsOnly(id);
        // One persona and two Ind samples scored all three responses together.
        assertThat(judge.calls.get()).isEqualTo(3);
        assertThat(rewards(response.items().get(1)).get(0)).isGreaterThan(rewards(response.items().get(0)).get(1));
    }

    @Test
    void theSameResponseSetIsServedFromTheCacheInAnyOrderAndCountedAsAHit() {
        ScriptedJudge judge = new ScriptedJudge(0);
        RewardService service = service(judge);
        RewardResponse first = service.rewardAll(new RewardRequest(List.of(item("long-fan", ASK, "tea", "green tea")),
                null));
        int calls = judge.calls.get();

        RewardResponse again = service.rewardAll(new RewardRequest(List.of(item("long-fan", ASK, "green tea", "tea")),
                null));

        assertThat(judge.calls.get()).isEqualTo(calls);
        assertThat(again.usage().cacheHits()).isEqualTo(1);
        assertThat(again.evaluations().get(0).cached()).isTrue();
        assertThat(again.usage().cost().calls()).isZero();
        assertThat(again.usage().cost().cachedCalls()).isEqualTo(first.usage().cost().calls());
        assertThat(rewards(again.items().get(0))).containsExactly(rewards(first.items().get(0)).get(1),
                rewards(first.items().get(0)).get(0));
        assertThat(service.cache().hits()).isEqualTo(1);
        assertThat(service.evaluation(again.evaluations().get(0).evaluationId())).isPresent()
                .get().satisfies(result -> assertThat(result.chains()).hasSize(2));
    }

    @Test
    void aFailedEvaluationLeavesNullRewardsWithTheReasonAndIsNotCached() {
        ScriptedJudge judge = new ScriptedJudge(0);
        RewardService service = service(judge);
        RewardRequest request = new RewardRequest(List.of(item("down", ASK, "tea", "green tea"),
                item("long-fan", ASK, "tea", "green tea")), null);

        RewardResponse response = service.rewardAll(request);

        ItemRewards failed = response.items().get(0);
        assertThat(failed.error()).contains("503");
        assertThat(failed.rewards()).allSatisfy(r -> {
            assertThat(r.reward()).isNull();
            assertThat(r.score()).isNull();
            assertThat(r.error()).contains("503");
        });
        assertThat(response.items().get(1).error()).isNull();
        assertThat(response.usage().failedResponses()).isEqualTo(2);
        int calls = judge.calls.get();
        service.rewardAll(request);
        assertThat(judge.calls.get()).as("the failure is judged again, not served from the cache")
                .isGreaterThan(calls);
    }

    @Test
    void unusableJudgeOutputOnEverySampleIsAnErrorNamingTheFailures() {
        RewardResponse response = service(new ScriptedJudge(0)).rewardAll(new RewardRequest(List.of(
                item("long-fan", List.of(new Message("user", "garbage")), "tea", "green tea")), null));

        assertThat(response.items().get(0).error()).contains("no sample could be scored (2 parse failures");
        assertThat(response.evaluations().get(0).parseFailures()).isEqualTo(2);
    }

    @Test
    void aJudgeThatNeverAnswersGivesAPerItemErrorWhenTheDeadlinePassesAndTheRestStillAnswer() {
        RewardService service = service(new ScriptedJudge(0), 4, Duration.ofSeconds(1), RewardLimits.DEFAULT);
        long started = System.nanoTime();

        RewardResponse response = service.rewardAll(new RewardRequest(List.of(
                item("long-fan", List.of(new Message("user", "hang")), "tea", "green tea"),
                item("long-fan", ASK, "tea", "green tea")), null));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        assertThat(response.items().get(0).rewards()).allSatisfy(r -> assertThat(r.reward()).isNull());
        assertThat(response.items().get(0).error()).containsAnyOf("deadline", "no verdict");
        assertThat(response.items().get(1).error()).isNull();
        assertThat(rewards(response.items().get(1))).doesNotContainNull();
    }

    @Test
    void anUnknownUserIsACold_startUserJudgedWithThePrototypesUsers() {
        RewardResponse response = service(new ScriptedJudge(0)).rewardAll(new RewardRequest(List.of(
                item("never-seen", ASK, "tea", "green tea"), item("long-fan", ASK, "tea", "green tea")), null));

        assertThat(response.evaluations().get(0).coldStart()).isTrue();
        assertThat(response.evaluations().get(0).plan()).isEqualTo("Ind-2/Pro-2");
        assertThat(response.evaluations().get(1).coldStart()).isFalse();
        assertThat(response.evaluations().get(1).plan()).isEqualTo("Ind-2/Pro-0");
        assertThat(response.usage().coldStartGroups()).isEqualTo(1);
        assertThat(rewards(response.items().get(0))).doesNotContainNull();
    }

    @Test
    void manyGroupsAtOnceKeepTheJudgeCallsInFlightWithinTheBound() {
        ScriptedJudge judge = new ScriptedJudge(20);
        List<RewardItem> items = IntStream.range(0, 24)
                .mapToObj(i -> item("long-fan", List.of(new Message("user", "question " + i)), "tea", "green tea"))
                .toList();

        RewardResponse response = service(judge, 3, Duration.ofSeconds(30), RewardLimits.DEFAULT)
                .rewardAll(new RewardRequest(items, null));

        assertThat(response.usage().failedResponses()).isZero();
        assertThat(judge.mostInFlight.get()).isLessThanOrEqualTo(3).isGreaterThan(1);
    }

    @Test
    void openRlhfQueriesAnswerInInputOrderWithSharedGroupsAndFlagsPerQuery() {
        String prompt = "<|im_start|>user\nTell me about tea.<|im_end|>\n<|im_start|>assistant\n";
        OpenRlhfRequest request = new OpenRlhfRequest(
                List.of(prompt + "tea<|im_end|>", prompt + "a long and careful answer<|im_end|>", "unrelated text",
                        prompt + "tea<|im_end|>"),
                List.of(prompt, prompt, prompt, prompt), java.util.Arrays.asList("long-fan", "long-fan", "long-fan",
                        null));
        RewardService service = service(new ScriptedJudge(0));

        OpenRlhfResponse response = service.openRlhf(request);

        assertThat(response.rewards()).hasSize(4);
        assertThat(response.rewards().get(1)).isGreaterThan(response.rewards().get(0));
        assertThat(response.rewards().get(2)).isNull();
        assertThat(response.scores().get(2)).isNull();
        assertThat(response.errors().get(2)).contains("does not contain its prompts entry");
        assertThat(response.evaluationIds().get(0)).isEqualTo(response.evaluationIds().get(1))
                .isNotEqualTo(response.evaluationIds().get(3));
        assertThat(response.extraLogs().get(OpenRlhfResponse.FAILED)).containsExactly(0, 0, 1, 0);
        assertThat(response.extraLogs().get(OpenRlhfResponse.COLD_START)).containsExactly(0, 0, 0, 1);
        assertThat(response.extraLogs().get(OpenRlhfResponse.CACHED)).containsExactly(0, 0, 0, 0);

        assertThat(service.openRlhf(request).extraLogs().get(OpenRlhfResponse.CACHED)).containsExactly(1, 1, 0, 1);
    }

    @Test
    void requestsOverACapAreRefusedNamingTheField() {
        RewardService service = service(new ScriptedJudge(0), 4, Duration.ofSeconds(5),
                new RewardLimits(2, 4, 2, 1, 20, 4, 4, 1000));

        assertThatThrownBy(() -> service.rewardAll(new RewardRequest(List.of(item("u", ASK, "a", "b", "c")), null)))
                .isInstanceOf(TooLargeException.class).hasMessageStartingWith("items[0].responses:");
        assertThatThrownBy(() -> service.rewardAll(new RewardRequest(List.of(item("u", ASK, "a", "far too long for this cap")),
                null))).isInstanceOf(TooLargeException.class).hasMessageStartingWith("items[0].responses[1]:");
        assertThatThrownBy(() -> service.rewardAll(new RewardRequest(List.of(item("u", ASK, "a", "b")),
                new RewardPlan(5, null, null, null, null)))).isInstanceOf(InvalidInputException.class)
                .isNotInstanceOf(TooLargeException.class).hasMessageStartingWith("plan.ind:");
        assertThatThrownBy(() -> service.rewardAll(new RewardRequest(List.of(item("u", ASK, "a", "b")),
                new RewardPlan(0, 0, null, null, null)))).hasMessageStartingWith("plan.ind:");
        assertThatThrownBy(() -> service.openRlhf(new OpenRlhfRequest(List.of("q1", "q2", "q3"),
                List.of("q", "q", "q"), List.of("u", "u", "u")))).isInstanceOf(TooLargeException.class)
                .hasMessageStartingWith("query:");
    }
}
