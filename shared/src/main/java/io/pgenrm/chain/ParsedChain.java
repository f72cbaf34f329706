package io.pgenrm.chain;

import io.pgenrm.domain.Rubric;
import java.util.List;

/**
 * A single-generation chain: the judge's free-text {@code analysis}, the {@code rubric} it wrote (or the single
 * fallback criterion {@link ChainParser#OVERALL_FIT} when it listed none), one 1-10 total per shown position, its
 * {@code rationale}, and what was repaired along the way.
 */
public record ParsedChain(String analysis, Rubric rubric, List<Double> totalsByShownPosition, String rationale,
        List<String> warnings) {
    public ParsedChain {
        totalsByShownPosition = List.copyOf(totalsByShownPosition);
        warnings = List.copyOf(warnings);
    }
}
