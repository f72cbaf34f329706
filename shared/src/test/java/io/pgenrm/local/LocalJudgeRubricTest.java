package io.pgenrm.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import io.pgenrm.domain.CandidateScore;
import io.pgenrm.domain.Criterion;
import io.pgenrm.domain.Message;
import io.pgenrm.domain.Persona;
import io.pgenrm.domain.PreferencePair;
import io.pgenrm.domain.Rubric;
import io.pgenrm.domain.Scenario;
import io.pgenrm.domain.UserHistory;
import io.pgenrm.judge.SampleRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LocalJudgeRubricTest {
    private static final String SHORT = "Yes.";
    private static final String LONG = "In moderation, yes: about three cups a day is linked to a lower risk of "
            + "heart disease, but more can raise anxiety and disturb sleep. Skip the sugar and cream.";
    private static final Scenario SCENARIO = new Scenario(List.of(new Message("user", "Is coffee healthy?")),
            List.of(SHORT, LONG));
    private static final TextEmbedder EMBEDDER = new BgeSmallEmbedder();
    private static LocalJudge judge;

    @BeforeAll
    static void learnAPopulationThatLikesDetail() {
        List<PreferencePair> pairs = new ArrayList<>();
        String[] topics = {"tea", "running", "sleep", "saving money", "learning Spanish", "baking bread"};
        for (String topic : topics) {
            pairs.add(new PreferencePair(List.of(new Message("user", "Any advice on " + topic + "?")),
                    "Here is what helps with " + topic + ": start small, keep a routine, and track how it goes over "
                            + "a few weeks so you can adjust. Most people see results within a month.",
                    "Just do it."));
        }
        judge = new LocalJudge(EMBEDDER);
        judge.learnPopulation(List.of(new UserHistory("crowd", pairs, null)), null);
    }

    @Test
    void rubricWeightsSumToHundredStrongestFirst() {
        Persona persona = judge.inducePersona(UserHistory.empty("new-user"), 0).value();
        Rubric rubric = judge.generateRubric(persona, SCENARIO, 1).value();

        assertThat(rubric.criteria().stream().mapToDouble(Criterion::weight).sum()).isCloseTo(100.0,
                offset(1e-6));
        List<Double> weights = rubric.criteria().stream().map(Criterion::weight).toList();
        assertThat(weights).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    }

    @Test
    void weightedTotalRanksCandidatesAsThePopulationRewardDoes() {
        Persona persona = judge.inducePersona(UserHistory.empty("new-user"), 0).value();
        List<CandidateScore> scores = judge.scoreSample(new SampleRequest(persona, UserHistory.empty("new-user"),
                null, SCENARIO, 0, 1, false)).value().scores();

        double margin = judge.population().margin(SCENARIO.prompt(), LONG, SHORT, EMBEDDER);
        assertThat(margin).isPositive();
        assertThat(scores.get(1).total()).isGreaterThan(scores.get(0).total());
        assertThat(scores.get(1).total() - scores.get(0).total()).isCloseTo(Math.min(margin, 9),
                offset(1e-6));
    }

    @Test
    void aUserWhoAlwaysChoseTheShortAnswerMovesAwayFromThePopulation() {
        List<PreferencePair> terse = new ArrayList<>();
        for (String topic : List.of("cats", "taxes", "gardening", "jazz", "chess", "hiking")) {
            terse.add(new PreferencePair(List.of(new Message("user", "Tell me about " + topic + ".")),
                    "Short version: worth it.",
                    "There is a lot to say about " + topic + ". It has a long history, many schools of thought, and "
                            + "plenty of practical details that people disagree about, so let us go through them."));
        }
        Persona persona = judge.inducePersona(new UserHistory("terse", terse, null), 0).value();

        double own = persona.featureWeights().get(StyleFeature.LENGTH.name());
        double population = judge.population().weights()[StyleFeature.LENGTH.ordinal()];
        assertThat(own).isLessThan(population);
        assertThat(persona.traits()).isNotEmpty();
        assertThat(persona.traits().get(0).evidence()).isNotEmpty();
    }
}
