package io.pgenrm.runtime;

import io.pgenrm.chain.PromptLayout;
import io.pgenrm.chain.PromptTemplates;
import io.pgenrm.judge.Judge;
import io.pgenrm.llm.LlmJudge;
import io.pgenrm.llm.LlmJudgeOptions;
import io.pgenrm.llm.RetryAfter;
import io.pgenrm.local.BgeSmallEmbedder;
import io.pgenrm.local.LocalJudge;
import io.pgenrm.local.RewardModelFile;
import io.pgenrm.local.TextEmbedder;
import io.pgenrm.workflow.DirectEvaluationSteps;
import io.pgenrm.workflow.EvaluationSteps;
import io.pgenrm.workflow.InMemoryPersonaCache;
import io.pgenrm.workflow.PersonaCache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.nio.file.Path;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Chooses the judge backend from configuration and builds the evaluation steps every function adapts. The llm
 * backend's clients are built only when it is chosen ({@link InferenceClients}).
 */
@ApplicationScoped
public class JudgeProducer {

    @Produces
    @ApplicationScoped
    Judge judge(PgenrmConfig config, LlmApiKeyFromSecret secretKey, TextEmbedder embedder, RetryAfter retryAfter) {
        return switch (config.backend()) {
            case "local" -> localJudge(config, embedder);
            case "llm" -> new LlmJudge(InferenceClients.chatModel(ConfigProvider.getConfig(), secretKey),
                    config.llm().nSamples() ? InferenceClients.multiSample(ConfigProvider.getConfig(), secretKey)
                            : null, prompts(config.llm()), llmOptions(config.llm()), retryAfter);
            default -> throw new IllegalStateException(
                    "pgenrm.backend must be \"local\" or \"llm\", got \"" + config.backend() + "\"");
        };
    }

    /** The configured prompt set, its few-shot settings replaced by the configuration's where given. */
    static PromptTemplates prompts(PgenrmConfig.Llm llm) {
        PromptTemplates templates = PromptTemplates.load(llm.promptSet(), llm.promptsDir().map(Path::of).orElse(null));
        PromptLayout layout = templates.layout();
        return templates.withLayout(layout.withFewShots(llm.fewShots().orElse(layout.fewShots()),
                llm.fewShotSelection().map(PromptLayout.FewShotSelection::parse).orElse(layout.fewShotSelection())));
    }

    /** Sampling defaults follow the format unless configured. */
    static LlmJudgeOptions llmOptions(PgenrmConfig.Llm llm) {
        LlmJudgeOptions.Format format = LlmJudgeOptions.Format.parse(llm.format());
        return new LlmJudgeOptions(format, llm.temperature().orElse(format.defaultTemperature()),
                llm.maxTokens().orElse(format.defaultMaxTokens()), llm.maxRetries(), llm.initialBackoff(),
                llm.maxBackoff(), llm.circuit().window(), llm.circuit().failureRatio(), llm.circuit().openFor());
    }

    /** The endpoint's Retry-After, shared by every call of the judge (set by {@link InferenceRetryAfter}). */
    @Produces
    @ApplicationScoped
    RetryAfter retryAfter() {
        return new RetryAfter();
    }

    /** One embedder per process: it holds the ONNX session and the memo of embedded texts. */
    @Produces
    @ApplicationScoped
    TextEmbedder embedder() {
        return new BgeSmallEmbedder();
    }

    private static LocalJudge localJudge(PgenrmConfig config, TextEmbedder embedder) {
        return new LocalJudge(embedder, config.local().model().filter(path -> !path.isBlank())
                .map(path -> RewardModelFile.read(Path.of(path), embedder)).orElse(null));
    }

    @Produces
    @ApplicationScoped
    PersonaCache personaCache() {
        return new InMemoryPersonaCache();
    }

    @Produces
    @ApplicationScoped
    EvaluationSteps steps(Judge judge, PersonaCache cache, CurrentPopulation population, PgenrmConfig config,
            TextEmbedder embedder) {
        return new DirectEvaluationSteps(judge, cache, population, population, config.maxResamples(), embedder);
    }
}
