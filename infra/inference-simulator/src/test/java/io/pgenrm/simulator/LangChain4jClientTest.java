package io.pgenrm.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.openai.OpenAiChatModel;
import io.pgenrm.chain.PromptTemplates;
import io.pgenrm.domain.Message;
import io.pgenrm.domain.Persona;
import io.pgenrm.domain.PreferencePair;
import io.pgenrm.domain.Rubric;
import io.pgenrm.domain.Scenario;
import io.pgenrm.domain.UserHistory;
import io.pgenrm.domain.UserProfile;
import io.pgenrm.judge.Judged;
import io.pgenrm.judge.SampleRequest;
import io.pgenrm.judge.ScoredSample;
import io.pgenrm.llm.LlmJudge;
import io.pgenrm.llm.LlmJudgeOptions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** pgenrm's own llm backend (LangChain4j's OpenAI client, with its retries) against the simulator over HTTP. */
class LangChain4jClientTest {
    @Test
    void pgenrmsLlmJudgeRunsTheStagedChainAndRetriesThroughServerErrors() {
        SimulatorSettings settings = SimulatorSettings.builder().errorRate(0.5).seed(3)
                .latency(new LatencyDistribution.Uniform(1, 5)).build();
        try (SimulatedInferenceServer server = new SimulatedInferenceServer(settings)) {
            server.start();
            OpenAiChatModel model = OpenAiChatModel.builder().baseUrl(server.baseUrl()).apiKey("not-needed")
                    .modelName("pgenrm-simulated-judge").maxRetries(0).timeout(Duration.ofSeconds(10)).build();
            LlmJudge judge = new LlmJudge(model, PromptTemplates.defaults(), LlmJudgeOptions.withDefaultCircuit(
                    LlmJudgeOptions.Format.STAGED, 0.7, 1024, 6, Duration.ofMillis(1), Duration.ofMillis(5)));
            String terse = "Use flax eggs.";
            String thorough = "- Flax eggs replace one egg each.\n- Applesauce suits moist cakes.\n"
                    + "- Aquafaba gives lift.\n\nFor example, banana bread with flax eggs stays tender.";
            List<PreferencePair> pairs = List.of(
                    new PreferencePair(List.of(new Message("user", "Baking tips?")), terse, thorough),
                    new PreferencePair(List.of(new Message("user", "Egg-free?")), terse, thorough),
                    new PreferencePair(List.of(new Message("user", "Vegan cake?")), terse, thorough));
            UserHistory history = new UserHistory("u1", pairs, UserProfile.EMPTY);
            Scenario scenario = new Scenario(List.of(new Message("user", "How do I replace eggs?")),
                    List.of(thorough, terse));

            Judged<Persona> persona = judge.inducePersona(history, 1);
            Judged<Rubric> rubric = judge.generateRubric(persona.value(), scenario, 1);
            Judged<ScoredSample> sample = judge.scoreSample(
                    new SampleRequest(persona.value(), history, rubric.value(), scenario, 0, 1, false));

            assertThat(persona.value().traits()).isNotEmpty();
            assertThat(rubric.value().criteria()).extracting(c -> c.name()).contains("Brevity");
            assertThat(sample.value().scores()).hasSize(2);
            assertThat(sample.cost().promptTokens()).isPositive();
            assertThat(sample.cost().completionTokens()).isPositive();
            StatsSnapshot stats = server.stats();
            assertThat(stats.outcomes().ok()).isEqualTo(3);
            assertThat(stats.outcomes().error5xx()).isPositive();
            assertThat(stats.requests()).isEqualTo(3 + stats.outcomes().error5xx());
        }
    }
}
