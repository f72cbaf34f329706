package io.pgenrm.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.pgenrm.chain.CandidateOrder;
import io.pgenrm.chain.ChainParser;
import io.pgenrm.chain.PromptRenderer;
import io.pgenrm.chain.PromptTemplates;
import io.pgenrm.domain.Message;
import io.pgenrm.domain.Persona;
import io.pgenrm.domain.PreferencePair;
import io.pgenrm.domain.Rubric;
import io.pgenrm.domain.Scenario;
import io.pgenrm.domain.UserHistory;
import io.pgenrm.domain.UserProfile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * On generated data, with pgenrm's staged prompts: one sample picks the chosen answer less often than the mean of
 * sixteen, and a long history beats none. Scores are taken straight from the judge, without HTTP or pgenrm's
 * aggregation.
 */
class JudgeTestTimeScalingTest {
    private static final int SAMPLES = 16;

    @Test
    void averagingSixteenSamplesPicksTheChosenAnswerMoreOftenThanOne() {
        GeneratedDataset data = new DatasetGenerator().generate(DatasetSpec.of(120, 4, 21));
        SimulatedJudge judge = new SimulatedJudge(1.5, 0);
        PromptRenderer prompts = new PromptRenderer(PromptTemplates.defaults());
        ChainParser parser = new ChainParser();
        Map<String, List<PreferencePair>> histories = new HashMap<>();
        for (BenchmarkLine row : data.rows()) {
            if (row.split().equals("train")) {
                histories.computeIfAbsent(row.userId(), u -> new ArrayList<>()).add(
                        new PreferencePair(List.of(new Message("user", row.prompt())), row.chosen(), row.rejected()));
            }
        }
        Map<String, Persona> personas = new HashMap<>();
        int singleCorrect = 0;
        int averagedCorrect = 0;
        int[] longHistory = new int[2];
        int[] coldStart = new int[2];
        List<BenchmarkLine> tests = data.testRows();
        for (int item = 0; item < tests.size(); item++) {
            BenchmarkLine row = tests.get(item);
            List<PreferencePair> pairs = histories.getOrDefault(row.userId(), List.of());
            Persona persona = personas.computeIfAbsent(row.userId(), user -> {
                UserHistory history = new UserHistory(user, pairs, UserProfile.EMPTY);
                return parser.parsePersona(judge.answer(prompts.persona(history).user(), 0, 0), user,
                        history.version(), 0);
            });
            Scenario scenario = new Scenario(List.of(new Message("user", row.prompt())),
                    List.of(row.chosen(), row.rejected()));
            Rubric rubric = parser.parseRubric(judge.answer(prompts.rubric(persona, scenario).user(), 0, 0));
            double margin = 0;
            for (int sample = 0; sample < SAMPLES; sample++) {
                long seed = item * 1000L + sample;
                CandidateOrder order = CandidateOrder.shuffled(2, seed);
                List<List<Double>> scores = order.toOriginalOrder(parser.parseScores(
                        judge.answer(prompts.scoring(persona, rubric, scenario, order).user(), seed, 0), rubric, 2)
                        .byShownPosition());
                double sampleMargin = total(rubric, scores.get(0)) - total(rubric, scores.get(1));
                singleCorrect += sampleMargin > 0 ? 1 : 0;
                margin += sampleMargin;
            }
            boolean correct = margin > 0;
            averagedCorrect += correct ? 1 : 0;
            int[] bucket = pairs.isEmpty() ? coldStart : pairs.size() >= 10 ? longHistory : null;
            if (bucket != null) {
                bucket[0] += correct ? 1 : 0;
                bucket[1]++;
            }
        }
        double single = (double) singleCorrect / (tests.size() * SAMPLES);
        double averaged = (double) averagedCorrect / tests.size();

        assertThat(single).isBetween(0.55, 0.72);
        assertThat(averaged).isGreaterThanOrEqualTo(single + 0.03).isLessThan(data.oracleAccuracy());
        assertThat((double) longHistory[0] / longHistory[1]).isGreaterThan((double) coldStart[0] / coldStart[1] + 0.1);
    }

    private static double total(Rubric rubric, List<Double> scores) {
        double total = 0;
        for (int c = 0; c < scores.size(); c++) {
            total += scores.get(c) * rubric.criteria().get(c).weight() / 100;
        }
        return total;
    }
}
