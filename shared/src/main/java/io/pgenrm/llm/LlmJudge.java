package io.pgenrm.llm;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatRequestParameters;
import dev.langchain4j.model.output.TokenUsage;
import io.pgenrm.chain.CandidateOrder;
import io.pgenrm.chain.ChainParser;
import io.pgenrm.chain.ParsedChain;
import io.pgenrm.chain.ParsedScores;
import io.pgenrm.chain.PromptRenderer;
import io.pgenrm.chain.PromptTemplates;
import io.pgenrm.chain.RenderedPrompt;
import io.pgenrm.domain.CallCost;
import io.pgenrm.domain.CandidateScore;
import io.pgenrm.domain.Persona;
import io.pgenrm.domain.Rubric;
import io.pgenrm.domain.Scenario;
import io.pgenrm.domain.UserHistory;
import io.pgenrm.judge.InferenceCallException;
import io.pgenrm.judge.Judge;
import io.pgenrm.judge.Judged;
import io.pgenrm.judge.SampleRequest;
import io.pgenrm.judge.ScoredSample;
import java.util.ArrayList;
import java.util.List;

/**
 * The llm backend: an OpenAI-compatible chat endpoint (vLLM serving P-GenRM, or any instruction model) behind a
 * LangChain4j {@link ChatModel}. Candidates are shown in a seeded random order per sample and mapped back.
 */
public final class LlmJudge implements Judge {
    private final ChatModel model;
    private final PromptRenderer prompts;
    private final ChainParser parser = new ChainParser();
    private final LlmJudgeOptions options;
    private final RetryPolicy<ChatResponse> retries;

    public LlmJudge(ChatModel model, PromptTemplates templates, LlmJudgeOptions options) {
        this.model = model;
        this.prompts = new PromptRenderer(templates);
        this.options = options;
        this.retries = RetryPolicy.<ChatResponse>builder().handleIf(RetryableFailures::isRetryable)
                .withBackoff(options.initialBackoff(), options.maxBackoff()).withJitter(0.5)
                .withMaxRetries(options.maxRetries()).build();
    }

    @Override
    public String name() {
        return "llm/" + options.format().name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public boolean personaVariesBySeed() {
        return false;
    }

    @Override
    public boolean needsRubricStep() {
        return options.format() == LlmJudgeOptions.Format.STAGED;
    }

    @Override
    public Judged<Persona> inducePersona(UserHistory history, long seed) {
        Call call = call(prompts.persona(history), seed);
        Persona persona = parser.parsePersona(call.text(), history.userId(), history.version(), seed);
        return new Judged<>(persona, call.cost(), call.text());
    }

    @Override
    public Judged<Rubric> generateRubric(Persona persona, Scenario scenario, long seed) {
        Call call = call(prompts.rubric(persona, scenario), seed);
        return new Judged<>(parser.parseRubric(call.text()), call.cost(), call.text());
    }

    @Override
    public Judged<ScoredSample> scoreSample(SampleRequest request) {
        Scenario scenario = request.scenario();
        int k = scenario.candidates().size();
        CandidateOrder order = CandidateOrder.shuffled(k, request.seed());
        if (options.format() == LlmJudgeOptions.Format.CHAIN) {
            Call call = call(prompts.chain(request.persona(), request.history(), scenario, order), request.seed());
            ParsedChain chain = parser.parseChain(call.text(), k);
            List<Double> totals = order.toOriginalOrder(chain.totalsByShownPosition());
            List<CandidateScore> scores = new ArrayList<>();
            for (int c = 0; c < k; c++) {
                scores.add(new CandidateScore(c, List.of(), totals.get(c)));
            }
            return new Judged<>(new ScoredSample(chain.rubric(), scores), call.cost(), call.text());
        }
        if (request.rubric() == null) {
            throw new IllegalArgumentException("the staged format scores against a rubric: generate it first");
        }
        Call call = call(prompts.scoring(request.persona(), request.rubric(), scenario, order), request.seed());
        ParsedScores parsed = parser.parseScores(call.text(), request.rubric(), k);
        List<List<Double>> byCandidate = order.toOriginalOrder(parsed.byShownPosition());
        List<CandidateScore> scores = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            scores.add(CandidateScore.weighted(c, request.rubric(), byCandidate.get(c)));
        }
        return new Judged<>(new ScoredSample(request.rubric(), scores), call.cost(), call.text());
    }

    private record Call(String text, CallCost cost) {
    }

    private Call call(RenderedPrompt prompt, long seed) {
        ChatRequest request = ChatRequest.builder()
                .messages(SystemMessage.from(prompt.system()), UserMessage.from(prompt.user()))
                .parameters(OpenAiChatRequestParameters.builder().temperature(options.temperature())
                        .maxOutputTokens(options.maxTokens()).seed((int) (seed & 0x7fffffff)).build())
                .build();
        long started = System.nanoTime();
        int[] attempts = {0};
        try {
            ChatResponse response = Failsafe.with(retries).get(() -> {
                attempts[0]++;
                return model.chat(request);
            });
            TokenUsage usage = response.tokenUsage();
            long in = usage == null || usage.inputTokenCount() == null ? 0 : usage.inputTokenCount();
            long out = usage == null || usage.outputTokenCount() == null ? 0 : usage.outputTokenCount();
            String text = response.aiMessage() == null || response.aiMessage().text() == null ? ""
                    : response.aiMessage().text();
            long millis = (System.nanoTime() - started) / 1_000_000;
            return new Call(text, new CallCost(attempts[0], in, out, 0, millis));
        } catch (FailsafeException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new InferenceCallException("inference call failed after " + attempts[0] + " attempt(s): "
                    + cause.getClass().getSimpleName() + ": " + cause.getMessage(), cause);
        } catch (RuntimeException e) {
            throw new InferenceCallException("inference call failed after " + attempts[0] + " attempt(s): "
                    + e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }
}
