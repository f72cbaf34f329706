package io.pgenrm.llm;

import dev.failsafe.CircuitBreaker;
import dev.failsafe.CircuitBreakerOpenException;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.RetryPolicy;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatRequestParameters;
import dev.langchain4j.model.output.FinishReason;
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
import io.pgenrm.judge.JudgeOutputException;
import io.pgenrm.judge.Judged;
import io.pgenrm.judge.SampleRequest;
import io.pgenrm.judge.ScoredSample;
import io.pgenrm.prototype.HistoryEmbedding;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The llm backend: an OpenAI-compatible chat endpoint (vLLM serving P-GenRM, or any instruction model) behind a
 * LangChain4j {@link ChatModel}. Candidates are shown in one seeded random order per evaluated item (every sample of
 * the item sees the same order, as in the paper) and mapped back.
 */
public final class LlmJudge implements Judge {
    private final ChatModel model;
    private final PromptRenderer prompts;
    private final ChainParser parser = new ChainParser();
    private final LlmJudgeOptions options;
    private final FailsafeExecutor<Object> resilience;
    private final MultiSampleEndpoint multiSample;
    private final RetryAfter retryAfter;

    public LlmJudge(ChatModel model, PromptTemplates templates, LlmJudgeOptions options) {
        this(model, null, templates, options, new RetryAfter());
    }

    public LlmJudge(ChatModel model, MultiSampleEndpoint multiSample, PromptTemplates templates,
            LlmJudgeOptions options) {
        this(model, multiSample, templates, options, new RetryAfter());
    }

    /**
     * With {@code multiSample} (nullable), rubrics of samples that share a prompt are asked for in one request.
     * {@code model} and {@code multiSample} must not retry on their own: every attempt is made and counted here.
     * Every call first waits out what the endpoint asked for in {@code retryAfter}.
     */
    public LlmJudge(ChatModel model, MultiSampleEndpoint multiSample, PromptTemplates templates,
            LlmJudgeOptions options, RetryAfter retryAfter) {
        this.multiSample = multiSample;
        this.retryAfter = retryAfter;
        this.model = model;
        this.prompts = new PromptRenderer(templates);
        this.options = options;
        RetryPolicy<Object> retries = RetryPolicy.builder()
                .handleIf(RetryableFailures::isRetryable)
                .withBackoff(options.initialBackoff(), options.maxBackoff()).withJitter(0.5)
                .withMaxRetries(options.maxRetries()).build();
        // Shared by every call of this judge: when nearly all recent calls failed the endpoint is down, and
        // failing fast beats queueing retries against it. An open circuit is not retried.
        int window = options.circuitWindow();
        CircuitBreaker<Object> circuit = CircuitBreaker.builder()
                .handleIf(RetryableFailures::isRetryable)
                .withFailureThreshold((int) Math.ceil(options.circuitFailureRatio() * window), window)
                .withDelay(options.circuitOpenFor()).withSuccessThreshold(1).build();
        this.resilience = Failsafe.with(retries, circuit);
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

    /** In the {@code chain} format every sample writes its analysis before its criteria and verdict. */
    @Override
    public boolean writesAnalysis() {
        return options.format() == LlmJudgeOptions.Format.CHAIN;
    }

    /**
     * In the {@code chain} format there is no persona call: each sample's analysis is its persona. The persona
     * returned here only places the user among the prototypes, from their record ({@link HistoryEmbedding}).
     */
    @Override
    public Judged<Persona> inducePersona(UserHistory history, long seed) {
        if (options.format() == LlmJudgeOptions.Format.CHAIN) {
            return new Judged<>(new Persona(history.userId(), history.version(), seed, "", List.of(), Map.of(),
                    HistoryEmbedding.of(history)), CallCost.NONE, "");
        }
        Call call = call(prompts.persona(history), seed);
        Persona persona = call.parse(text -> parser.parsePersona(text, history.userId(), history.version(), seed));
        return new Judged<>(persona, call.cost(), call.text());
    }

    @Override
    public Judged<Rubric> generateRubric(Persona persona, Scenario scenario, long seed) {
        Call call = call(prompts.rubric(persona, scenario), seed);
        return new Judged<>(call.parse(parser::parseRubric), call.cost(), call.text());
    }

    /**
     * One request with {@code n = count}: the rubric prompt is the same for every Ind-N sample of a user, so the
     * endpoint can sample them together. Unusable choices are dropped and the caller makes up the difference; an
     * endpoint that ignores {@code n} returns one choice, and one that rejects it none.
     */
    @Override
    public Judged<List<Rubric>> generateRubrics(Persona persona, Scenario scenario, long seed, int count) {
        if (multiSample == null || count < 2) {
            return Judge.super.generateRubrics(persona, scenario, seed, count);
        }
        Judged<List<Judged<Rubric>>> rubrics = completeTogether(prompts.rubric(persona, scenario), seed, count,
                parser::parseRubric);
        return new Judged<>(rubrics.value().stream().map(Judged::value).toList(), rubrics.cost(),
                rubrics.rawOutput());
    }

    @Override
    public Judged<ScoredSample> scoreSample(SampleRequest request) {
        Scenario scenario = request.scenario();
        int k = scenario.candidates().size();
        CandidateOrder order = order(request);
        if (options.format() == LlmJudgeOptions.Format.CHAIN) {
            Call call = call(prompts.chain(request.history(), scenario, order, request.itemSeed()), request.seed());
            List<String> shown = order.toShownOrder(scenario.candidates());
            return new Judged<>(call.parse(text -> scored(parser.parseChain(text, shown), order)), call.cost(),
                    call.text());
        }
        if (request.rubric() == null) {
            throw new IllegalArgumentException("the staged format scores against a rubric: generate it first");
        }
        Call call = call(prompts.scoring(request.persona(), request.rubric(), scenario, order), request.seed());
        List<String> shown = order.toShownOrder(scenario.candidates());
        ParsedScores parsed = call.parse(text -> parser.parseScores(text, request.rubric(), shown));
        List<List<Double>> byCandidate = order.toOriginalOrder(parsed.byShownPosition());
        List<CandidateScore> scores = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            scores.add(CandidateScore.weighted(c, request.rubric(), byCandidate.get(c)));
        }
        return new Judged<>(new ScoredSample(request.rubric(), scores), call.cost(), call.text());
    }

    /**
     * In the {@code chain} format every Ind-N sample of an item has the same prompt (same record, same few-shot
     * draw, same candidate order), so one request with {@code n = count} gives them all; unusable and cut-off
     * choices are dropped and the caller scores those samples one by one.
     */
    @Override
    public Judged<List<Judged<ScoredSample>>> scoreSamples(SampleRequest request, int count) {
        if (options.format() != LlmJudgeOptions.Format.CHAIN || multiSample == null || count < 2) {
            return Judge.super.scoreSamples(request, count);
        }
        Scenario scenario = request.scenario();
        CandidateOrder order = order(request);
        return completeTogether(prompts.chain(request.history(), scenario, order, request.itemSeed()),
                request.seed(), count, text -> scored(parser.parseChain(text, order.toShownOrder(scenario.candidates())),
                        order));
    }

    /** The item's one shuffle, shared by all its samples, or its reverse for a both-orders twin. */
    private static CandidateOrder order(SampleRequest request) {
        CandidateOrder shuffled = CandidateOrder.shuffled(request.scenario().candidates().size(), request.itemSeed());
        return request.reversedOrder() ? shuffled.reversed() : shuffled;
    }

    private static ScoredSample scored(ParsedChain chain, CandidateOrder order) {
        List<Double> totals = order.toOriginalOrder(chain.totalsByShownPosition());
        List<CandidateScore> scores = new ArrayList<>();
        for (int c = 0; c < totals.size(); c++) {
            scores.add(new CandidateScore(c, List.of(), totals.get(c)));
        }
        return new ScoredSample(chain.rubric(), scores, chain.analysis());
    }

    /**
     * {@code count} completions of one prompt in one request, each usable one read by {@code reader}; cut-off and
     * unusable choices are left out (cut-off ones counted). A failed request gives none: the caller's samples then
     * make their own calls, which retry and report on their own.
     */
    private <T> Judged<List<Judged<T>>> completeTogether(RenderedPrompt prompt, long seed, int count,
            Function<String, T> reader) {
        long started = System.nanoTime();
        Attempts attempts = new Attempts();
        MultiSampleEndpoint.Completions completions;
        try {
            completions = resilience.get(() -> attempts.make(() -> multiSample.complete(prompt.system(),
                    prompt.user(), options.temperature(), options.maxTokens(), seed, count)));
        } catch (RuntimeException e) {
            return new Judged<>(List.of(), attempts.cost(0, 0, millis(started), 0), "");
        }
        List<Judged<T>> usable = new ArrayList<>();
        int cutOff = 0;
        int unusable = 0;
        for (MultiSampleEndpoint.Completions.Choice choice : completions.choices()) {
            if (choice.cutOff()) {
                cutOff++;
                continue;
            }
            try {
                usable.add(new Judged<>(reader.apply(choice.text()), CallCost.NONE, choice.text()));
            } catch (JudgeOutputException e) {
                // An unusable choice only means one sample makes its own call.
                unusable++;
            }
        }
        // Each cut-off or unusable choice is asked for again by the sample it was meant for.
        CallCost cost = attempts.cost(completions.promptTokens(), completions.completionTokens(), millis(started),
                cutOff).plus(CallCost.resamples(cutOff + unusable));
        return new Judged<>(List.copyOf(usable), cost,
                completions.choices().stream().map(MultiSampleEndpoint.Completions.Choice::text)
                        .collect(Collectors.joining("\n\n")));
    }

    private static long millis(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    /**
     * The attempts of one call, each made after the endpoint's Retry-After has passed, and how each failed attempt
     * failed. Failsafe runs them one after another, never at once.
     */
    private final class Attempts {
        private int made;
        private int serverErrors;
        private int rateLimited;
        private int timeouts;

        <T> T make(java.util.function.Supplier<T> attempt) {
            try {
                retryAfter.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the endpoint's Retry-After", e);
            }
            made++;
            try {
                return attempt.get();
            } catch (RuntimeException e) {
                switch (RetryableFailures.kind(e)) {
                    case SERVER_ERROR -> serverErrors++;
                    case RATE_LIMITED -> rateLimited++;
                    case TIMEOUT -> timeouts++;
                    case OTHER -> {
                    }
                }
                throw e;
            }
        }

        CallCost cost(long promptTokens, long completionTokens, long millis, int cutOff) {
            return new CallCost(made, promptTokens, completionTokens, 0, millis, cutOff, Math.max(0, made - 1),
                    serverErrors, rateLimited, timeouts, 0);
        }
    }

    private record Call(String text, boolean cutOff, CallCost cost, int maxTokens) {
        /**
         * Parses the output; an unusable one fails with this call's cost attached. An output cut off at max-tokens is
         * unusable even when some verdict can be read from it: the judge did not finish its reasoning.
         */
        <T> T parse(Function<String, T> reader) {
            if (cutOff) {
                throw new JudgeOutputException("the output was cut off at max-tokens (" + maxTokens + ")", text)
                        .withCost(cost);
            }
            try {
                return reader.apply(text);
            } catch (JudgeOutputException e) {
                throw e.withCost(cost);
            }
        }
    }

    private Call call(RenderedPrompt prompt, long seed) {
        ChatRequest request = ChatRequest.builder()
                .messages(SystemMessage.from(prompt.system()), UserMessage.from(prompt.user()))
                .parameters(OpenAiChatRequestParameters.builder().temperature(options.temperature())
                        .maxOutputTokens(options.maxTokens()).seed((int) (seed & 0x7fffffff)).build())
                .build();
        long started = System.nanoTime();
        Attempts attempts = new Attempts();
        try {
            ChatResponse response = resilience.get(() -> attempts.make(() -> model.chat(request)));
            TokenUsage usage = response.tokenUsage();
            long in = usage == null || usage.inputTokenCount() == null ? 0 : usage.inputTokenCount();
            long out = usage == null || usage.outputTokenCount() == null ? 0 : usage.outputTokenCount();
            String text = response.aiMessage() == null || response.aiMessage().text() == null ? ""
                    : response.aiMessage().text();
            boolean cutOff = response.finishReason() == FinishReason.LENGTH;
            return new Call(text, cutOff, attempts.cost(in, out, millis(started), cutOff ? 1 : 0),
                    options.maxTokens());
        } catch (CircuitBreakerOpenException e) {
            throw new InferenceCallException("inference endpoint circuit is open: most recent calls failed, "
                    + "failing fast for " + options.circuitOpenFor().toSeconds() + " s", e,
                    attempts.cost(0, 0, millis(started), 0));
        } catch (FailsafeException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new InferenceCallException("inference call failed after " + attempts.made + " attempt(s): "
                    + describe(cause), cause, attempts.cost(0, 0, millis(started), 0));
        } catch (RuntimeException e) {
            throw new InferenceCallException("inference call failed after " + attempts.made + " attempt(s): "
                    + describe(e), e, attempts.cost(0, 0, millis(started), 0));
        }
    }

    /** The failure as an operator reads it: the HTTP status when there is one, then the message. */
    private static String describe(Throwable failure) {
        String status = failure instanceof HttpException http ? "HTTP " + http.statusCode() + " " : "";
        return status + failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }
}
