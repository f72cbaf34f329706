package io.pgenrm.chain;

import java.util.List;

/**
 * Per-criterion scores from a scoring output: {@code byShownPosition.get(p)} holds, for the response shown as
 * "Response p+1", one 1-10 score per rubric criterion in rubric order. Map positions back to the caller's
 * candidates with {@link CandidateOrder#toOriginalOrder}. {@code warnings} lists what was repaired (clamped
 * scores, fuzzily matched or ignored keys); empty for a clean output.
 */
public record ParsedScores(List<List<Double>> byShownPosition, List<String> warnings) {
    public ParsedScores {
        byShownPosition = byShownPosition.stream().map(List::copyOf).toList();
        warnings = List.copyOf(warnings);
    }
}
