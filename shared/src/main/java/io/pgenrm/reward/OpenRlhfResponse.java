package io.pgenrm.reward;

import java.util.List;
import java.util.Map;

/**
 * Answer of {@code POST /get_reward}, in OpenRLHF's shape: {@code rewards} and {@code scores} (in [0, 1]) one per
 * query in input order, and {@code extraLogs} holding one 0/1 flag per query under each key (OpenRLHF concatenates
 * them per sample and logs their means): {@code failed}, {@code tie}, {@code cached}, {@code cold_start}. A failed
 * query's reward and score are null, never 0, and {@code errors} says why; {@code evaluationIds} names the
 * evaluation each query was judged in.
 */
public record OpenRlhfResponse(List<Double> rewards, List<Double> scores, Map<String, List<Integer>> extraLogs,
        List<String> errors, List<String> evaluationIds) {
    public static final String FAILED = "failed";
    public static final String TIE = "tie";
    public static final String CACHED = "cached";
    public static final String COLD_START = "cold_start";
}
