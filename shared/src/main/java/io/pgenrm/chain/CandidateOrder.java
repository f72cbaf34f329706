package io.pgenrm.chain;

import io.pgenrm.domain.Validation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The order in which one sample shows the candidates to the judge: {@code shownToOriginal.get(p)} is the original
 * index of the candidate shown at 0-based position {@code p} (the judge sees it as "Response p+1"). Shuffling per
 * sample keeps the judge's position bias from favouring one candidate across all samples.
 */
public record CandidateOrder(List<Integer> shownToOriginal) {
    public CandidateOrder {
        shownToOriginal = Validation.copyOf(shownToOriginal, "shownToOriginal");
        Validation.require(!shownToOriginal.isEmpty(), "shownToOriginal", "must hold at least one candidate");
        boolean[] seen = new boolean[shownToOriginal.size()];
        for (int original : shownToOriginal) {
            Validation.require(original >= 0 && original < seen.length && !seen[original], "shownToOriginal",
                    "must be a permutation of 0.." + (seen.length - 1) + ", got " + shownToOriginal);
            seen[original] = true;
        }
    }

    public static CandidateOrder identity(int n) {
        Validation.require(n >= 1, "candidateCount", "must be >= 1, got " + n);
        return new CandidateOrder(IntStream.range(0, n).boxed().toList());
    }

    /** A uniformly random permutation (Fisher-Yates); the same seed always gives the same order. */
    public static CandidateOrder shuffled(int candidateCount, long seed) {
        Validation.require(candidateCount >= 1, "candidateCount", "must be >= 1, got " + candidateCount);
        int[] order = IntStream.range(0, candidateCount).toArray();
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return new CandidateOrder(Arrays.stream(order).boxed().toList());
    }

    /** The same candidates shown back to front: with two candidates, the other order. */
    public CandidateOrder reversed() {
        List<Integer> back = new java.util.ArrayList<>(shownToOriginal);
        java.util.Collections.reverse(back);
        return new CandidateOrder(back);
    }

    public int size() {
        return shownToOriginal.size();
    }

    public int originalAt(int shownPosition) {
        Validation.require(shownPosition >= 0 && shownPosition < size(), "shownPosition",
                "must be in 0.." + (size() - 1) + ", got " + shownPosition);
        return shownToOriginal.get(shownPosition);
    }

    public int shownPositionOf(int original) {
        int position = shownToOriginal.indexOf(original);
        Validation.require(position >= 0, "original", "must be in 0.." + (size() - 1) + ", got " + original);
        return position;
    }

    /** Reorders values the judge gave per shown position back to the caller's candidate order. */
    public <T> List<T> toOriginalOrder(List<T> byShownPosition) {
        requireSize(byShownPosition, "byShownPosition");
        List<T> out = new ArrayList<>(byShownPosition);
        for (int p = 0; p < size(); p++) {
            out.set(shownToOriginal.get(p), byShownPosition.get(p));
        }
        return Collections.unmodifiableList(out);
    }

    /** Arranges the caller's candidates in the order the judge will see them. */
    public <T> List<T> toShownOrder(List<T> byOriginal) {
        requireSize(byOriginal, "byOriginal");
        return shownToOriginal.stream().map(byOriginal::get).toList();
    }

    private void requireSize(List<?> values, String field) {
        Validation.require(values != null && values.size() == size(), field,
                "needs " + size() + " values, got " + (values == null ? "null" : values.size()));
    }
}
