package io.pgenrm.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.pgenrm.chain.PromptLayout;
import io.pgenrm.chain.PromptTemplates;
import io.pgenrm.llm.LlmJudgeOptions;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The llm backend's settings as the configuration gives them: defaults per format and prompt set, overrides. */
class JudgeProducerTest {
    private static PgenrmConfig.Llm llm(Map<String, String> properties) {
        return new SmallRyeConfigBuilder().withMapping(PgenrmConfig.class)
                .withSources(new PropertiesConfigSource(properties, "test", 100)).build()
                .getConfigMapping(PgenrmConfig.class).llm();
    }

    @Test
    void chainFormatSamplesAtTemperatureOneWithFourThousandTokensUnlessConfigured() {
        LlmJudgeOptions chain = JudgeProducer.llmOptions(llm(Map.of("pgenrm.llm.format", "chain")));
        LlmJudgeOptions staged = JudgeProducer.llmOptions(llm(Map.of()));
        LlmJudgeOptions configured = JudgeProducer.llmOptions(llm(Map.of("pgenrm.llm.format", "chain",
                "pgenrm.llm.temperature", "0.6", "pgenrm.llm.max-tokens", "8192")));

        assertThat(chain.temperature()).isEqualTo(1.0);
        assertThat(chain.maxTokens()).isEqualTo(4096);
        assertThat(staged.temperature()).isEqualTo(0.7);
        assertThat(staged.maxTokens()).isEqualTo(1536);
        assertThat(configured.temperature()).isEqualTo(0.6);
        assertThat(configured.maxTokens()).isEqualTo(8192);
    }

    @Test
    void thePaperSetsFewShotsApplyUnlessTheConfigurationSetsItsOwn() {
        PromptTemplates paper = JudgeProducer.prompts(llm(Map.of("pgenrm.llm.prompt-set", "paper")));
        PromptTemplates recentTen = JudgeProducer.prompts(llm(Map.of("pgenrm.llm.prompt-set", "paper",
                "pgenrm.llm.few-shots", "10", "pgenrm.llm.few-shot-selection", "recent")));

        assertThat(paper.layout()).isEqualTo(new PromptLayout(6, PromptLayout.FewShotSelection.RANDOM, false));
        assertThat(paper.systemFor(PromptTemplates.CHAIN)).isEqualTo("chain-system");
        assertThat(recentTen.layout()).isEqualTo(new PromptLayout(10, PromptLayout.FewShotSelection.RECENT, false));
        assertThat(JudgeProducer.prompts(llm(Map.of())).layout()).isEqualTo(PromptLayout.DEFAULT);
    }
}
