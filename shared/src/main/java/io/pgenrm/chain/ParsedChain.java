package io.pgenrm.chain;

import io.pgenrm.domain.Rubric;
import java.util.List;

/**
 * A single-generation chain: the judge's free-text {@code analysis}, the {@code rubric} it wrote (or the single
 * fallback criterion {@link ChainParser#OVERALL_FIT} when it listed none), one total per shown position on a scale
 * of 10 (0-10: a judge's 0-100 totals are divided by 10, not clamped), its {@code rationale}, and what was repaired
 * along the way.
 */
public record ParsedChain(String analysis, Rubric rubric, List<Double> totalsByShownPosition, String rationale,
        List<String> warnings) {
    public ParsedChain {
        totalsByShownPosition = List.copyOf(totalsByShownPosition);
        warnings = List.copyOf(warnings);
    }
}
