package io.pgenrm.reward;

import io.pgenrm.domain.CallCost;

/**
 * Totals of one request: evaluations run or found in the cache, ties, responses left without a reward, cold-start
 * groups, and the inference cost of the evaluations (each counted once).
 */
public record RewardUsage(int evaluations, int cacheHits, int ties, int failedResponses, int coldStartGroups,
        CallCost cost, long wallMillis) {
}
