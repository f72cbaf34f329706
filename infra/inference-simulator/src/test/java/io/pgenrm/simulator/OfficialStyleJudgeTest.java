package io.pgenrm.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.pgenrm.chain.CandidateOrder;
import io.pgenrm.chain.ChainParser;
import io.pgenrm.chain.ParsedChain;
import io.pgenrm.chain.PromptRenderer;
import io.pgenrm.chain.PromptTemplates;
import io.pgenrm.chain.RenderedPrompt;
import io.pgenrm.domain.Criterion;
import io.pgenrm.domain.Message;
import io.pgenrm.domain.Persona;
import io.pgenrm.domain.PreferencePair;
import io.pgenrm.domain.Rubric;
import io.pgenrm.domain.Scenario;
import io.pgenrm.domain.UserHistory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The official output style: what a checkpoint fine-tuned on the chain task answers, read by pgenrm's parser. */
class OfficialStyleJudgeTest {
    private static final String SHORT = "Use flax eggs.";
    private static final String LONG = "Here is an overview.\n\n- One tablespoon of ground flaxseed with three of "
            + "water replaces one egg.\n- Applesauce works in moist cakes.\n- Mashed banana binds muffins.\n\n"
            + "For example, banana bread made with flax eggs stays tender.";
    private static final Scenario SCENARIO = new Scenario(List.of(new Message("user", "How do I replace eggs?")),
            List.of(SHORT, LONG));

    private final OfficialStyleJudge judge = new OfficialStyleJudge(new SimulatedJudge(1.0, 0), 0);
    private final ChainParser parser = new ChainParser();
    private final PromptRenderer paper = new PromptRenderer(PromptTemplates.load(PromptTemplates.PAPER_SET, null));
    private final PromptRenderer defaults = new PromptRenderer(PromptTemplates.defaults());

    private static UserHistory preferring(String preferred, String rejected) {
        List<PreferencePair> pairs = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            pairs.add(new PreferencePair(List.of(new Message("user", "Question " + i + "?")), preferred + " " + i,
                    rejected + " " + i));
        }
        return new UserHistory("u1", pairs, null);
    }

    private static List<ChatCompletionRequest.Message> messages(RenderedPrompt prompt) {
        return List.of(new ChatCompletionRequest.Message("system", prompt.system()),
                new ChatCompletionRequest.Message("user", prompt.user()));
    }

    @Test
    void answersAPaperLayoutChainWithAnalysisLetteredCriteriaAndStringTotalsOnTwoScales() {
        UserHistory history = preferring(SHORT, LONG);
        int shortWins = 0;
        boolean sawHundred = false;
        boolean sawTen = false;
        for (int seed = 0; seed < 12; seed++) {
            CandidateOrder order = CandidateOrder.shuffled(2, seed);
            String answer = judge.answer(messages(paper.chain(history, SCENARIO, order, seed)), seed, 0, 4096);
            ParsedChain chain = parser.parseChain(answer, 2);
            List<Double> totals = order.toOriginalOrder(chain.totalsByShownPosition());
            shortWins += totals.get(0) > totals.get(1) ? 1 : 0;
            boolean hundred = answer.matches("(?s).*\"response_\\d\":\"\\d{2,3}\".*");
            sawHundred |= hundred;
            sawTen |= !hundred;

            assertThat(answer).matches("(?s).*\"response_1\":\"\\d+\",\"response_2\":\"\\d+\".*")
                    .contains("\na. ", " \u2013 ").doesNotContain("\n- ");
            assertThat(chain.analysis()).contains("Across 6 earlier choices this person");
            assertThat(chain.rubric().criteria()).extracting(Criterion::name).contains("Brevity");
            assertThat(totals).allSatisfy(t -> assertThat(t).isBetween(0.0, 10.0));
        }
        assertThat(shortWins).isGreaterThanOrEqualTo(9);
        assertThat(sawHundred).isTrue();
        assertThat(sawTen).isTrue();
    }

    @Test
    void readsTheRecordAndResponsesOfTheFencedDefaultLayoutToo() {
        String answer = judge.answer(messages(defaults.chain(preferring(LONG, SHORT), SCENARIO,
                CandidateOrder.identity(2), 1)), 1, 0, 4096);

        ParsedChain chain = parser.parseChain(answer, 2);

        assertThat(chain.rubric().criteria()).extracting(Criterion::name).contains("Depth and detail");
        assertThat(chain.totalsByShownPosition().get(1)).isGreaterThan(chain.totalsByShownPosition().get(0));
    }

    @Test
    void someChainsDeliberatePastMaxTokens() {
        OfficialStyleJudge rambling = new OfficialStyleJudge(new SimulatedJudge(1.0, 0), 1.0);
        List<ChatCompletionRequest.Message> prompt = messages(paper.chain(preferring(SHORT, LONG), SCENARIO,
                CandidateOrder.identity(2), 1));

        assertThat(rambling.answer(prompt, 1, 0, 512)).hasSizeGreaterThan(512 * 4);
        assertThat(judge.answer(prompt, 1, 0, 512)).hasSizeLessThan(512 * 4);
        assertThat(rambling.answer(prompt, 1, 0, null)).hasSizeLessThan(512 * 4);
    }

    @Test
    void anyOtherPromptGetsProseWithoutJson() {
        UserHistory history = preferring(SHORT, LONG);
        Persona persona = new Persona("u1", "v", 0, "Likes short answers.", List.of(), Map.of());
        Rubric rubric = new Rubric(List.of(new Criterion("Brevity", "short", 100)));
        List<RenderedPrompt> others = List.of(defaults.persona(history), defaults.rubric(persona, SCENARIO),
                defaults.scoring(persona, rubric, SCENARIO, CandidateOrder.identity(2)));

        for (RenderedPrompt prompt : others) {
            assertThat(OfficialStyleJudge.understands(messages(prompt))).isFalse();
            assertThat(judge.answer(messages(prompt), 1, 0, 4096)).doesNotContain("{", "}", "JSON");
        }
        assertThat(OfficialStyleJudge.understands(messages(paper.chain(history, SCENARIO,
                CandidateOrder.identity(2), 1)))).isTrue();
    }
}
