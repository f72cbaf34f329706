package io.pgenrm.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import io.pgenrm.chain.PromptTemplates;
import io.pgenrm.domain.Criterion;
import io.pgenrm.domain.Message;
import io.pgenrm.domain.Persona;
import io.pgenrm.domain.Rubric;
import io.pgenrm.domain.Scenario;
import io.pgenrm.judge.InferenceCallException;
import io.pgenrm.judge.JudgeOutputException;
import io.pgenrm.judge.SampleRequest;
import io.pgenrm.judge.ScoredSample;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class LlmJudgeResilienceTest {
    private static final Persona PERSONA = new Persona("u1", "v1", 0, "Likes short answers.", List.of(), Map.of());
    private static final Rubric RUBRIC = new Rubric(List.of(new Criterion("Fit", "fits the user", 100)));
    private static final Scenario SCENARIO = new Scenario(List.of(new Message("user", "What is DNS?")),
            List.of("ALPHA answer", "BETA answer"));

    /** A chat model answering from a function of the user prompt, counting its calls. */
    private static final class ScriptedModel implements ChatModel {
        final AtomicInteger calls = new AtomicInteger();
        final Function<String, String> answer;

        ScriptedModel(Function<String, String> answer) {
            this.answer = answer;
        }

        @Override
        public ChatResponse doChat(ChatRequest request) {
            calls.incrementAndGet();
            String prompt = ((UserMessage) request.messages().get(1)).singleText();
            return ChatResponse.builder().aiMessage(AiMessage.from(answer.apply(prompt)))
                    .tokenUsage(new TokenUsage(120, 30)).build();
        }
    }

    private static LlmJudge judge(ChatModel model, int maxRetries, int circuitWindow) {
        return new LlmJudge(model, PromptTemplates.load(null), new LlmJudgeOptions(LlmJudgeOptions.Format.STAGED, 0.7,
                256, maxRetries, Duration.ofMillis(1), Duration.ofMillis(2), circuitWindow, 0.9,
                Duration.ofMinutes(5)));
    }

    private static SampleRequest sample(long seed, boolean reversed) {
        return new SampleRequest(PERSONA, null, RUBRIC, SCENARIO, 0, seed, reversed);
    }

    /** Scores 9 for whichever response is listed first, 2 for the second: a judge with pure position bias. */
    private static String firstListedWins(String prompt) {
        return "<JSON_START>{\"scores\": {\"response_1\": 9, \"response_2\": 2}}<JSON_END>";
    }

    @Test
    void deadEndpointOpensTheCircuitAndLaterCallsFailFastWithoutReachingIt() {
        ScriptedModel down = new ScriptedModel(prompt -> {
            throw new HttpException(503, "service unavailable");
        });
        LlmJudge judge = judge(down, 0, 10);
        assertThatThrownBy(() -> judge.scoreSample(sample(7, false))).isInstanceOf(InferenceCallException.class)
                .hasMessageContaining("HTTP 503");

        for (int i = 0; i < 30; i++) {
            assertThatThrownBy(() -> judge.scoreSample(sample(7, false))).isInstanceOf(InferenceCallException.class);
        }

        // 90% of a window of 10: the ninth failure opens the circuit, and nothing reaches the endpoint after it.
        assertThat(down.calls.get()).isEqualTo(9);
        assertThatThrownBy(() -> judge.scoreSample(sample(7, false))).hasMessageContaining("circuit is open");
    }

    @Test
    void occasionalFailuresAreRetriedWithoutOpeningTheCircuit() {
        AtomicInteger attempt = new AtomicInteger();
        ScriptedModel flaky = new ScriptedModel(prompt -> {
            if (attempt.incrementAndGet() % 3 == 0) {
                throw new HttpException(500, "boom");
            }
            return firstListedWins(prompt);
        });
        LlmJudge judge = judge(flaky, 2, 10);

        for (int i = 0; i < 40; i++) {
            assertThat(judge.scoreSample(sample(i + 1, false)).value().scores()).hasSize(2);
        }
    }

    @Test
    void everyAttemptIsCountedWithWhatWentWrong() {
        AtomicInteger attempt = new AtomicInteger();
        ScriptedModel troubled = new ScriptedModel(prompt -> switch (attempt.incrementAndGet()) {
            case 1 -> throw new HttpException(503, "overloaded");
            case 2 -> throw new HttpException(429, "slow down");
            case 3 -> throw new RuntimeException(new java.net.http.HttpTimeoutException("request timed out"));
            default -> firstListedWins(prompt);
        });

        var cost = judge(troubled, 3, 50).scoreSample(sample(1, false)).cost();

        assertThat(List.of(cost.calls(), cost.retries(), cost.serverErrors(), cost.rateLimited(), cost.timeouts()))
                .containsExactly(4, 3, 1, 1, 1);
        assertThat(troubled.calls.get()).isEqualTo(4);
    }

    @Test
    void aCallThatKeepsFailingCarriesItsCountedAttempts() {
        ScriptedModel down = new ScriptedModel(prompt -> {
            throw new HttpException(502, "bad gateway");
        });

        assertThatThrownBy(() -> judge(down, 2, 50).scoreSample(sample(1, false)))
                .isInstanceOfSatisfying(InferenceCallException.class, e -> {
                    assertThat(e.cost().calls()).isEqualTo(3);
                    assertThat(e.cost().retries()).isEqualTo(2);
                    assertThat(e.cost().serverErrors()).isEqualTo(3);
                });
    }

    @Test
    void everyCallWaitsOutTheEndpointsRetryAfter() {
        RetryAfter retryAfter = new RetryAfter();
        ScriptedModel model = new ScriptedModel(LlmJudgeResilienceTest::firstListedWins);
        LlmJudge judge = new LlmJudge(model, null, PromptTemplates.load(null), LlmJudgeOptions.withDefaultCircuit(
                LlmJudgeOptions.Format.STAGED, 0.7, 256, 0, Duration.ofMillis(1), Duration.ofMillis(2)), retryAfter);
        retryAfter.requested(Duration.ofMillis(300));
        long started = System.nanoTime();

        judge.scoreSample(sample(1, false));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(retryAfter.remaining()).isZero();
    }

    @Test
    void unusableOutputFailsWithTheCallsTokensAttached() {
        LlmJudge judge = judge(new ScriptedModel(prompt -> "I would rather not score these."), 0, 10);

        assertThatThrownBy(() -> judge.scoreSample(sample(3, false))).isInstanceOfSatisfying(
                JudgeOutputException.class, e -> {
                    assertThat(e.cost().calls()).isEqualTo(1);
                    assertThat(e.cost().promptTokens()).isEqualTo(120);
                    assertThat(e.cost().completionTokens()).isEqualTo(30);
                    assertThat(e.rawOutput()).contains("rather not");
                });
    }

    @Test
    void sharedRubricRequestKeepsTheUsableChoicesAndCostsOneCall() {
        MultiSampleEndpoint endpoint = (system, user, temperature, maxTokens, seed, n) -> new MultiSampleEndpoint
                .Completions(Stream.of(
                        "<JSON_START>{\"criteria\": [{\"name\": \"Brevity\", \"weight\": 60}, "
                                + "{\"name\": \"Warmth\", \"weight\": 40}]}<JSON_END>",
                        "no rubric here",
                        "<JSON_START>{\"criteria\": [{\"name\": \"Depth\", \"weight\": 100}]}<JSON_END>")
                        .map(text -> new MultiSampleEndpoint.Completions.Choice(text, false)).toList(), 300, 90);
        LlmJudge judge = new LlmJudge(new ScriptedModel(prompt -> ""), endpoint, PromptTemplates.load(null),
                LlmJudgeOptions.withDefaultCircuit(LlmJudgeOptions.Format.STAGED, 0.7, 256, 0, Duration.ofMillis(1),
                        Duration.ofMillis(2)));

        var rubrics = judge.generateRubrics(PERSONA, SCENARIO, 5, 3);

        assertThat(rubrics.value()).extracting(r -> r.criteria().get(0).name()).containsExactly("Brevity", "Depth");
        assertThat(rubrics.cost().calls()).isEqualTo(1);
        assertThat(rubrics.cost().resamples()).as("the unusable choice is asked for again").isEqualTo(1);
        assertThat(rubrics.cost().promptTokens()).isEqualTo(300);
        assertThat(rubrics.cost().completionTokens()).isEqualTo(90);
    }

    @Test
    void bothOrdersCancelAPurePositionBias() {
        LlmJudge judge = judge(new ScriptedModel(LlmJudgeResilienceTest::firstListedWins), 0, 10);

        ScoredSample forward = judge.scoreSample(sample(11, false)).value();
        ScoredSample reversed = judge.scoreSample(sample(11, true)).value();

        double alpha = forward.scores().get(0).total() + reversed.scores().get(0).total();
        double beta = forward.scores().get(1).total() + reversed.scores().get(1).total();
        assertThat(forward.scores().get(0).total()).isNotEqualTo(forward.scores().get(1).total());
        assertThat(alpha).isEqualTo(beta);
    }
}
