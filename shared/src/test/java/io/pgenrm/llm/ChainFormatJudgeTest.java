package io.pgenrm.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import io.pgenrm.chain.PromptTemplates;
import io.pgenrm.domain.Criterion;
import io.pgenrm.domain.Message;
import io.pgenrm.domain.Persona;
import io.pgenrm.domain.PreferencePair;
import io.pgenrm.domain.Scenario;
import io.pgenrm.domain.UserHistory;
import io.pgenrm.judge.JudgeOutputException;
import io.pgenrm.judge.Judged;
import io.pgenrm.judge.SampleRequest;
import io.pgenrm.judge.ScoredSample;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The llm backend in the chain format, against a model and an n-sample endpoint that record what they received. */
class ChainFormatJudgeTest {
    static final String CHAIN_OUTPUT = """
            This user keeps choosing the shorter answer.
            a. Brevity (60%) \u2013 says it in few words
            b. Accuracy (40%) \u2013 gets the facts right
            <JSON_START>{"rationale": "Response 1 is shorter.", "better_response": {"response_1": "80", \
            "response_2": "45"}}<JSON_END>""";
    private static final UserHistory HISTORY = new UserHistory("u1", List.of(new PreferencePair(
            List.of(new Message("user", "Define API")), "An interface.", "An application programming interface is")),
            null);
    private static final Scenario SCENARIO = new Scenario(List.of(new Message("user", "What is DNS?")),
            List.of("ALPHA: name lookup.", "BETA: a long essay on DNS."));
    private static final Persona PERSONA = new Persona("u1", HISTORY.version(), 0, "", List.of(), Map.of());

    /** Answers every prompt with {@code output}; records each request's messages. */
    static final class RecordingModel implements ChatModel {
        final List<String[]> prompts = Collections.synchronizedList(new ArrayList<>());
        final String output;
        final FinishReason finish;

        RecordingModel(String output, FinishReason finish) {
            this.output = output;
            this.finish = finish;
        }

        @Override
        public ChatResponse doChat(ChatRequest request) {
            prompts.add(new String[] {((SystemMessage) request.messages().get(0)).text(),
                    ((UserMessage) request.messages().get(1)).singleText()});
            return ChatResponse.builder().aiMessage(AiMessage.from(output)).finishReason(finish)
                    .tokenUsage(new TokenUsage(500, 200)).build();
        }
    }

    /** Returns the given choices for every request; records the user message and n asked for. */
    static final class RecordingEndpoint implements MultiSampleEndpoint {
        final List<String> users = Collections.synchronizedList(new ArrayList<>());
        final List<Integer> ns = Collections.synchronizedList(new ArrayList<>());
        final List<Double> temperatures = Collections.synchronizedList(new ArrayList<>());
        final List<Completions.Choice> choices;

        RecordingEndpoint(List<Completions.Choice> choices) {
            this.choices = choices;
        }

        @Override
        public Completions complete(String system, String user, double temperature, int maxTokens, long seed, int n) {
            users.add(user);
            ns.add(n);
            temperatures.add(temperature);
            return new Completions(choices.subList(0, Math.min(n, choices.size())), 2000, 800);
        }
    }

    static LlmJudge chainJudge(ChatModel model, MultiSampleEndpoint endpoint) {
        LlmJudgeOptions.Format chain = LlmJudgeOptions.Format.CHAIN;
        return new LlmJudge(model, endpoint, PromptTemplates.load(PromptTemplates.PAPER_SET, null),
                LlmJudgeOptions.withDefaultCircuit(chain, chain.defaultTemperature(), chain.defaultMaxTokens(), 0,
                        Duration.ofMillis(1), Duration.ofMillis(2)));
    }

    private static SampleRequest sample(long seed, long itemSeed, boolean reversed) {
        return new SampleRequest(PERSONA, HISTORY, null, SCENARIO, 0, seed, itemSeed, reversed);
    }

    @Test
    void theChainFormatSamplesAtTemperatureOneWithRoomForAWholeChain() {
        assertThat(LlmJudgeOptions.Format.CHAIN.defaultTemperature()).isEqualTo(1.0);
        assertThat(LlmJudgeOptions.Format.CHAIN.defaultMaxTokens()).isGreaterThanOrEqualTo(4096);
        assertThat(LlmJudgeOptions.Format.STAGED.defaultTemperature()).isEqualTo(0.7);
    }

    @Test
    void thePersonaComesFromTheRecordWithoutAnyCall() {
        RecordingModel model = new RecordingModel(CHAIN_OUTPUT, FinishReason.STOP);

        Judged<Persona> persona = chainJudge(model, null).inducePersona(HISTORY, 0);

        assertThat(model.prompts).isEmpty();
        assertThat(persona.cost().calls()).isZero();
        assertThat(persona.value().embedding()).isNotEmpty();
        assertThat(chainJudge(model, null).inducePersona(UserHistory.empty("new"), 0).value().embedding())
                .containsOnly(0.0);
    }

    @Test
    void aSampleKeepsTheChainsAnalysisAndLetteredCriteriaAndMapsTotalsBackToTheCandidates() {
        RecordingModel model = new RecordingModel(CHAIN_OUTPUT, FinishReason.STOP);
        LlmJudge judge = chainJudge(model, null);

        for (long itemSeed = 1; itemSeed <= 6; itemSeed++) {
            ScoredSample scored = judge.scoreSample(sample(3, itemSeed, false)).value();

            String user = model.prompts.get(model.prompts.size() - 1)[1];
            int alphaShown = user.indexOf("ALPHA") < user.indexOf("BETA") ? 0 : 1;
            assertThat(scored.scores().get(0).total()).isEqualTo(alphaShown == 0 ? 8.0 : 4.5);
            assertThat(scored.analysis()).isEqualTo("This user keeps choosing the shorter answer.");
            assertThat(scored.rubric().criteria()).extracting(Criterion::name).containsExactly("Brevity", "Accuracy");
        }
        assertThat(model.prompts).allSatisfy(p -> assertThat(p[0]).contains("Chosen: An interface."));
    }

    @Test
    void everySampleOfAnItemSeesTheCandidatesInTheSameOrderAndItsTwinTheReverse() {
        RecordingModel model = new RecordingModel(CHAIN_OUTPUT, FinishReason.STOP);
        LlmJudge judge = chainJudge(model, null);

        judge.scoreSample(sample(1, 77, false));
        judge.scoreSample(sample(2, 77, false));
        judge.scoreSample(sample(3, 77, true));

        assertThat(model.prompts.get(1)[1]).isEqualTo(model.prompts.get(0)[1]);
        String forward = model.prompts.get(0)[1];
        String reversed = model.prompts.get(2)[1];
        assertThat(forward.indexOf("ALPHA") < forward.indexOf("BETA"))
                .isNotEqualTo(reversed.indexOf("ALPHA") < reversed.indexOf("BETA"));
    }

    @Test
    void anOutputCutOffAtMaxTokensIsUnusableAndCounted() {
        LlmJudge judge = chainJudge(new RecordingModel(CHAIN_OUTPUT, FinishReason.LENGTH), null);

        assertThatThrownBy(() -> judge.scoreSample(sample(1, 1, false))).isInstanceOfSatisfying(
                JudgeOutputException.class, e -> {
                    assertThat(e.getMessage()).contains("cut off at max-tokens (4096)");
                    assertThat(e.cost().cutOffOutputs()).isEqualTo(1);
                    assertThat(e.cost().calls()).isEqualTo(1);
                });
    }

    @Test
    void ownSamplesComeFromOneRequestWithNAndCutOffOrUnusableChoicesAreLeftOut() {
        RecordingEndpoint endpoint = new RecordingEndpoint(List.of(
                new MultiSampleEndpoint.Completions.Choice(CHAIN_OUTPUT, false),
                new MultiSampleEndpoint.Completions.Choice(CHAIN_OUTPUT.substring(0, 80), true),
                new MultiSampleEndpoint.Completions.Choice("I like both.", false),
                new MultiSampleEndpoint.Completions.Choice(CHAIN_OUTPUT, false)));
        RecordingModel model = new RecordingModel(CHAIN_OUTPUT, FinishReason.STOP);

        Judged<List<Judged<ScoredSample>>> scored = chainJudge(model, endpoint).scoreSamples(sample(5, 9, false), 4);

        assertThat(endpoint.ns).containsExactly(4);
        assertThat(endpoint.temperatures).containsExactly(1.0);
        assertThat(endpoint.users.get(0)).contains("ALPHA", "BETA");
        assertThat(model.prompts).isEmpty();
        assertThat(scored.value()).hasSize(2).allSatisfy(s -> {
            assertThat(s.rawOutput()).isEqualTo(CHAIN_OUTPUT);
            assertThat(s.value().analysis()).isEqualTo("This user keeps choosing the shorter answer.");
        });
        assertThat(scored.cost().calls()).isEqualTo(1);
        assertThat(scored.cost().cutOffOutputs()).isEqualTo(1);
        assertThat(scored.cost().completionTokens()).isEqualTo(800);
    }
}
