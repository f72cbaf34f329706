package io.pgenrm.runtime;

import dev.langchain4j.model.chat.ChatModel;
import io.pgenrm.chain.PromptLayout;
import io.pgenrm.chain.PromptTemplates;
import io.pgenrm.judge.Judge;
import io.pgenrm.llm.LlmJudge;
import io.pgenrm.llm.LlmJudgeOptions;
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
 * Chooses the judge backend from configuration and builds the evaluation steps every function adapts. The chat
 * model is injected directly so Quarkus LangChain4j creates it; it is a lazy proxy and never called by the local
 * backend.
 */
@ApplicationScoped
public class JudgeProducer {

    @Produces
    @ApplicationScoped
    Judge judge(PgenrmConfig config, ChatModel chatModel, LlmApiKeyFromSecret secretKey, TextEmbedder embedder) {
        return switch (config.backend()) {
            case "local" -> localJudge(config, embedder);
            case "llm" -> new LlmJudge(chatModel, config.llm().nSamples()
                    ? MultiSampleClientFactory.create(ConfigProvider.getConfig(), secretKey) : null,
                    prompts(config.llm()), llmOptions(config.llm()));
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
