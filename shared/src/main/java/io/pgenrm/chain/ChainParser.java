package io.pgenrm.chain;

import io.pgenrm.domain.Persona;
import io.pgenrm.domain.Rubric;
import io.pgenrm.judge.JudgeOutputException;
import java.util.List;

/**
 * Parses the judge's outputs for the prompts of {@link PromptRenderer}. Stateless and thread-safe. Every method
 * throws {@link JudgeOutputException} (reason plus raw output) when the output cannot be used.
 *
 * <p>The JSON answer is looked for in {@code <JSON_START>}...{@code <JSON_END>} blocks (the end marker may be
 * missing), in code fences, then anywhere; the last one holding the required keys wins. Responses echoed inside
 * their prompt fence are ignored entirely, so a candidate cannot supply its own verdict. JSON cut off mid-way is
 * accepted when the needed keys were complete before the cut.
 */
public final class ChainParser {
    /** The single criterion of a chain whose judge listed no weighted criteria. */
    public static final String OVERALL_FIT = "Overall fit to the user's preferences";

    /** Needs key "traits"; see {@link PersonaReader} for how loose traits are repaired. */
    public Persona parsePersona(String output, String userId, String historyVersion, long seed) {
        return PersonaReader.read(nonNull(output), userId, historyVersion, seed);
    }

    /** Needs key "criteria"; weights are rescaled to sum to 100. */
    public Rubric parseRubric(String output) {
        return RubricReader.read(nonNull(output));
    }

    /**
     * Needs key "scores" with every shown response scored on every criterion of {@code rubric}. Without the shown
     * responses, JSON the judge quoted from one is recognised only inside its fence.
     */
    public ParsedScores parseScores(String output, Rubric rubric, int candidateCount) {
        return ScoreSheetReader.read(nonNull(output), rubric, candidateCount, QuotedText.NONE);
    }

    /**
     * As {@link #parseScores(String, Rubric, int)} for the responses as shown, in shown order: a verdict copied from
     * one of them, fenced or not, is never taken for the judge's.
     */
    public ParsedScores parseScores(String output, Rubric rubric, List<String> shownResponses) {
        return ScoreSheetReader.read(nonNull(output), rubric, shownResponses.size(), QuotedText.of(shownResponses));
    }

    /**
     * Needs keys "rationale" and "better_response" with a total for every shown response. Without the shown
     * responses, JSON or criteria the judge quoted from one are recognised only inside its fence.
     */
    public ParsedChain parseChain(String output, int candidateCount) {
        return ChainVerdictReader.read(nonNull(output), candidateCount, QuotedText.NONE);
    }

    /**
     * As {@link #parseChain(String, int)} for the responses as shown, in shown order: a verdict or criteria copied
     * from one of them, fenced or not, are never taken for the judge's.
     */
    public ParsedChain parseChain(String output, List<String> shownResponses) {
        return ChainVerdictReader.read(nonNull(output), shownResponses.size(), QuotedText.of(shownResponses));
    }

    private static String nonNull(String output) {
        if (output == null || output.isBlank()) {
            throw new JudgeOutputException("empty output", output);
        }
        return output;
    }
}
