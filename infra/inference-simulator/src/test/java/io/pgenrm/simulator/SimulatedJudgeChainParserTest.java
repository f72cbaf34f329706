package io.pgenrm.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pgenrm.chain.CandidateOrder;
import io.pgenrm.chain.ChainParser;
import io.pgenrm.chain.ParsedChain;
import io.pgenrm.chain.ParsedScores;
import io.pgenrm.chain.PromptRenderer;
import io.pgenrm.chain.PromptTemplates;
import io.pgenrm.domain.Criterion;
import io.pgenrm.domain.Message;
import io.pgenrm.domain.Persona;
import io.pgenrm.domain.PreferencePair;
import io.pgenrm.domain.Rubric;
import io.pgenrm.domain.Scenario;
import io.pgenrm.domain.UserHistory;
import io.pgenrm.domain.UserProfile;
import io.pgenrm.judge.JudgeOutputException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The judge's answers to pgenrm's own rendered prompts, read back by pgenrm's own parser. */
class SimulatedJudgeChainParserTest {
    private static final String SHORT = "Use flax eggs.";
    private static final String LONG = "Here is an overview.\n\n- One tablespoon of ground flaxseed with three of "
            + "water replaces one egg.\n- Applesauce works in moist cakes.\n- Mashed banana binds muffins.\n"
            + "- Aquafaba gives lift in sponge cakes.\n\nFor example, banana bread made with flax eggs stays tender.";

    private final PromptRenderer prompts = new PromptRenderer(PromptTemplates.defaults());
    private final ChainParser parser = new ChainParser();
    private final SimulatedJudge judge = new SimulatedJudge(1.0, 0);
    private final Scenario scenario = new Scenario(List.of(new Message("user", "How do I replace eggs?")),
            List.of(SHORT, LONG));

    @Test
    void personaRubricAndScoresFromAHistoryParseAndFollowThePreference() {
        UserHistory history = historyPreferring(LONG, SHORT, 12);

        Persona persona = persona(history);
        Rubric rubric = parser.parseRubric(judge.answer(prompts.rubric(persona, scenario).user(), 1, 0));
        double longTotal = 0;
        double shortTotal = 0;
        for (int seed = 0; seed < 8; seed++) {
            CandidateOrder order = CandidateOrder.shuffled(2, seed);
            ParsedScores scores = parser.parseScores(
                    judge.answer(prompts.scoring(persona, rubric, scenario, order).user(), seed, 0), rubric, 2);
            List<List<Double>> byCandidate = order.toOriginalOrder(scores.byShownPosition());
            shortTotal += weighted(rubric, byCandidate.get(0));
            longTotal += weighted(rubric, byCandidate.get(1));
            assertThat(scores.warnings()).isEmpty();
        }

        assertThat(persona.traits()).isNotEmpty();
        assertThat(persona.traits()).anySatisfy(t -> assertThat(t.statement()).contains("[length weight +"));
        assertThat(persona.traits()).allSatisfy(t -> assertThat(t.evidence()).isNotEmpty());
        assertThat(rubric.criteria()).hasSizeBetween(3, 6);
        assertThat(rubric.criteria()).extracting(Criterion::name).contains("Depth and detail");
        assertThat(rubric.criteria().stream().mapToDouble(Criterion::weight).sum()).isEqualTo(100.0);
        assertThat(longTotal).isGreaterThan(shortTotal);
    }

    @Test
    void anEmptyHistoryGivesANeutralPersonaAndGeneralCriteria() {
        Persona persona = persona(UserHistory.empty("u1"));
        Rubric rubric = parser.parseRubric(judge.answer(prompts.rubric(persona, scenario).user(), 1, 0));

        assertThat(persona.traits()).isEmpty();
        assertThat(persona.analysis()).contains("Nothing is recorded");
        assertThat(PreferenceWeights.readTags(persona.analysis()).isNeutral()).isTrue();
        assertThat(rubric.criteria()).extracting(Criterion::name)
                .containsExactly("Answers the question asked", "Clear and correct", "Useful to this user");
    }

    @Test
    void theChainFormatParsesWithWeightedCriteriaAndATotalPerResponse() {
        UserHistory history = historyPreferring(SHORT, LONG, 10);

        int shortWins = 0;
        for (int seed = 0; seed < 8; seed++) {
            CandidateOrder order = CandidateOrder.shuffled(2, seed);
            ParsedChain chain = parser.parseChain(
                    judge.answer(prompts.chain(history, scenario, order, seed).user(), seed, 0), 2);
            List<Double> totals = order.toOriginalOrder(chain.totalsByShownPosition());
            shortWins += totals.get(0) > totals.get(1) ? 1 : 0;

            assertThat(chain.warnings()).isEmpty();
            assertThat(chain.rubric().criteria()).extracting(Criterion::name).contains("Brevity");
            assertThat(chain.analysis()).contains("prefers short answers").contains("How do I replace eggs?");
            assertThat(chain.rationale()).isNotBlank();
        }
        assertThat(shortWins).isGreaterThanOrEqualTo(6);
    }

    @Test
    void aChainIsJudgedFromTheRecordInItsPrompt() {
        UserHistory history = historyPreferring(SHORT, LONG, 10);

        String answer = judge.answer(prompts.chain(history, scenario, CandidateOrder.identity(2), 1).user(), 1, 0);

        assertThat(parser.parseChain(answer, 2).rubric().criteria()).extracting(Criterion::name).contains("Brevity");
    }

    @Test
    void anUnrecognisedPromptGetsAGenericChainAnswer() {
        String answer = judge.answer("Which of these is better?\n[BEGIN RESPONSE 1 #01]\nA\n[END RESPONSE 1 #01]\n"
                + "[BEGIN RESPONSE 2 #02]\nB\n[END RESPONSE 2 #02]", 3, 0);

        ParsedChain chain = parser.parseChain(answer, 2);

        assertThat(chain.totalsByShownPosition()).hasSize(2);
        assertThat(chain.rubric().criteria()).hasSize(3);
    }

    @Test
    void everyKindOfDamageMakesEveryKindOfAnswerUnparseable() {
        UserHistory history = historyPreferring(LONG, SHORT, 6);
        Persona persona = persona(history);
        Rubric rubric = parser.parseRubric(judge.answer(prompts.rubric(persona, scenario).user(), 1, 0));
        CandidateOrder order = CandidateOrder.identity(2);
        String personaAnswer = judge.answer(prompts.persona(history).user(), 1, 0);
        String rubricAnswer = judge.answer(prompts.rubric(persona, scenario).user(), 1, 0);
        String scoresAnswer = judge.answer(prompts.scoring(persona, rubric, scenario, order).user(), 1, 0);
        String chainAnswer = judge.answer(prompts.chain(history, scenario, order, 1).user(), 1, 0);

        for (OutputDamage damage : OutputDamage.KINDS) {
            assertThatThrownBy(() -> parser.parsePersona(damage.apply(personaAnswer), "u1", "v", 1))
                    .as("persona, %s", damage).isInstanceOf(JudgeOutputException.class);
            assertThatThrownBy(() -> parser.parseRubric(damage.apply(rubricAnswer)))
                    .as("rubric, %s", damage).isInstanceOf(JudgeOutputException.class);
            assertThatThrownBy(() -> parser.parseScores(damage.apply(scoresAnswer), rubric, 2))
                    .as("scores, %s", damage).isInstanceOf(JudgeOutputException.class);
            assertThatThrownBy(() -> parser.parseChain(damage.apply(chainAnswer), 2))
                    .as("chain, %s", damage).isInstanceOf(JudgeOutputException.class);
        }
        assertThat(OutputDamage.NONE.apply(chainAnswer)).isEqualTo(chainAnswer);
    }

    @Test
    void positionBiasFavoursTheResponseShownFirst() {
        SimulatedJudge biased = new SimulatedJudge(1.0, 3.0);
        Persona persona = persona(UserHistory.empty("u1"));
        Rubric rubric = parser.parseRubric(judge.answer(prompts.rubric(persona, scenario).user(), 1, 0));
        int firstWinsFair = 0;
        int firstWinsBiased = 0;
        for (int seed = 0; seed < 40; seed++) {
            String prompt = prompts.scoring(persona, rubric, scenario, CandidateOrder.identity(2)).user();
            firstWinsFair += firstWins(judge.answer(prompt, seed, 0), rubric) ? 1 : 0;
            firstWinsBiased += firstWins(biased.answer(prompt, seed, 0), rubric) ? 1 : 0;
        }

        assertThat(firstWinsBiased).isGreaterThanOrEqualTo(36).isGreaterThan(firstWinsFair);
    }

    private boolean firstWins(String answer, Rubric rubric) {
        List<List<Double>> scores = parser.parseScores(answer, rubric, 2).byShownPosition();
        return weighted(rubric, scores.get(0)) > weighted(rubric, scores.get(1));
    }

    private Persona persona(UserHistory history) {
        return parser.parsePersona(judge.answer(prompts.persona(history).user(), 1, 0), history.userId(),
                history.version(), 1);
    }

    private static UserHistory historyPreferring(String preferred, String rejected, int pairs) {
        List<PreferencePair> list = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            list.add(new PreferencePair(List.of(new Message("user", "Question " + i)), preferred, rejected));
        }
        return new UserHistory("u1", list, UserProfile.EMPTY);
    }

    private static double weighted(Rubric rubric, List<Double> scores) {
        double total = 0;
        for (int c = 0; c < scores.size(); c++) {
            total += scores.get(c) * rubric.criteria().get(c).weight() / 100;
        }
        return total;
    }
}
