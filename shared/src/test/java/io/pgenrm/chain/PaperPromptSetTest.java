package io.pgenrm.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.pgenrm.domain.Message;
import io.pgenrm.domain.PreferencePair;
import io.pgenrm.domain.Scenario;
import io.pgenrm.domain.UserHistory;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The built-in prompt set in the layout P-GenRM's checkpoints were fine-tuned on. */
class PaperPromptSetTest {
    private final PromptRenderer paper = new PromptRenderer(PromptTemplates.load(PromptTemplates.PAPER_SET, null));

    private static final Scenario SCENARIO = new Scenario(List.of(new Message("user", "What is DNS?")),
            List.of("The internet's phone book.", "DNS, the Domain Name System, maps names to addresses."));

    private static PreferencePair pair(String prompt, String chosen, String rejected) {
        return new PreferencePair(List.of(new Message("user", prompt)), chosen, rejected);
    }

    @Test
    void rendersHistoryAsTriplesInTheSystemMessageAndTheRequestWithResponsesInTheUserMessage() {
        UserHistory history = new UserHistory("u1", List.of(
                pair("How do I undo a commit?", "git revert HEAD", "It depends on many things."),
                pair("Best way to learn Rust?", "Read the book, then build something small.",
                        "Rust is a systems language.")), null);

        RenderedPrompt prompt = paper.chain(history, SCENARIO, new CandidateOrder(List.of(1, 0)), 42);

        assertThat(prompt.system()).isEqualTo("""
                You act as a reward model for one specific person. Given a request and several candidate answers, \
                you decide how well each answer would suit this person, judging by the preferences their earlier \
                choices reveal, not by what an average reader would like.

                Here are earlier requests from this person, each with the answer they picked (Chosen) and the answer \
                they passed over (Rejected):

                User: How do I undo a commit?
                Chosen: git revert HEAD
                Rejected: It depends on many things.

                User: Best way to learn Rust?
                Chosen: Read the book, then build something small.
                Rejected: Rust is a systems language.

                Work through it in this order:
                1. Analysis: from the examples above, describe what this person looks for in an answer and what \
                puts them off (tone, length, depth, structure, style), and what the new request itself calls for.
                2. Criteria: write the criteria you will judge by as a lettered list, each with a weight in percent, \
                the weights adding up to 100, one per line like this:
                a. <criterion> (<weight>%) \u2013 <what an answer must do to meet it>
                3. Verdict: rate every response under those criteria, then end your answer with a single JSON \
                object placed between the markers below, where each score is that response's overall rating:
                <JSON_START>{"rationale": "<the differences that decided it>", "better_response": \
                {"response_1": <score>, "response_2": <score>}}<JSON_END>""");
        assertThat(prompt.user()).isEqualTo("""
                user: What is DNS?

                Response 1:
                DNS, the Domain Name System, maps names to addresses.

                Response 2:
                The internet's phone book.""");
    }

    @Test
    void showsSixPastChoicesDrawnOncePerItemInTheOrderTheyWereMade() {
        List<PreferencePair> pairs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            pairs.add(pair("question " + i, "yes " + i, "no " + i));
        }
        UserHistory history = new UserHistory("u1", pairs, null);

        Set<List<Integer>> draws = new HashSet<>();
        for (long itemSeed = 1; itemSeed <= 20; itemSeed++) {
            List<Integer> shown = questionsShown(paper.chain(history, SCENARIO, CandidateOrder.identity(2), itemSeed)
                    .system());
            assertThat(shown).hasSize(6).isSorted();
            assertThat(questionsShown(paper.chain(history, SCENARIO, new CandidateOrder(List.of(1, 0)), itemSeed)
                    .system())).as("the same item, another sample").isEqualTo(shown);
            draws.add(shown);
        }
        assertThat(draws).as("items draw different pairs").hasSizeGreaterThan(5);
    }

    @Test
    void quotesTextPlainWithoutDataFences() {
        UserHistory history = new UserHistory("u1", List.of(pair("q", "a", "b")), null);

        RenderedPrompt prompt = paper.chain(history, SCENARIO, CandidateOrder.identity(2), 1);

        assertThat(prompt.system() + prompt.user()).doesNotContain("[BEGIN", "[END");
    }

    private static List<Integer> questionsShown(String system) {
        List<Integer> shown = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^User: question (\\d+)$").matcher(system);
        while (m.find()) {
            shown.add(Integer.parseInt(m.group(1)));
        }
        return shown;
    }
}
