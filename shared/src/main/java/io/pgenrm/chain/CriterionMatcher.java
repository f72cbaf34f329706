package io.pgenrm.chain;

import io.pgenrm.domain.Criterion;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Pairs the judge's score keys with rubric criteria. Keys are compared without case, punctuation, extra spaces
 * or a trailing "(30%)"; failing an exact match, a key matches when one name contains the other or when they
 * differ by a few typed characters. Exact matches are claimed first, so a near-miss never steals a criterion's
 * own key.
 */
final class CriterionMatcher {
    private static final int MIN_CONTAINED_LENGTH = 4;
    /** Compiled once: every score sheet normalizes every key, and String.replaceAll compiles on each call. */
    private static final Pattern PARENTHESIZED = Pattern.compile("\\([^)]*\\)");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private CriterionMatcher() {
    }

    /** For each criterion, in rubric order, the index of its key in {@code keys}, or -1 when none matches. */
    static int[] match(List<Criterion> criteria, List<String> keys) {
        List<String> wanted = criteria.stream().map(c -> normalize(c.name())).toList();
        List<String> offered = keys.stream().map(CriterionMatcher::normalize).toList();
        int[] matched = new int[criteria.size()];
        boolean[] used = new boolean[keys.size()];
        for (int c = 0; c < wanted.size(); c++) {
            matched[c] = -1;
            int k = offered.indexOf(wanted.get(c));
            if (k >= 0 && !used[k]) {
                matched[c] = k;
                used[k] = true;
            }
        }
        for (int c = 0; c < wanted.size(); c++) {
            if (matched[c] < 0) {
                matched[c] = closest(wanted.get(c), offered, used);
                if (matched[c] >= 0) {
                    used[matched[c]] = true;
                }
            }
        }
        return matched;
    }

    private static int closest(String name, List<String> offered, boolean[] used) {
        int best = -1;
        int bestDistance = Integer.MAX_VALUE;
        for (int k = 0; k < offered.size(); k++) {
            String key = offered.get(k);
            if (used[k] || key.isEmpty()) {
                continue;
            }
            int distance = contains(name, key) || contains(key, name) ? 0 : editDistance(name, key);
            if (distance <= tolerance(name, key) && distance < bestDistance) {
                best = k;
                bestDistance = distance;
            }
        }
        return best;
    }

    /** Containment counts only for a part long enough to mean something on its own. */
    private static boolean contains(String whole, String part) {
        return part.length() >= MIN_CONTAINED_LENGTH && whole.contains(part);
    }

    /** About one typo per five characters, at least one. */
    private static int tolerance(String a, String b) {
        return Math.max(1, Math.min(a.length(), b.length()) / 5);
    }

    static String normalize(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return NOT_WORD.matcher(PARENTHESIZED.matcher(lower).replaceAll(" ")).replaceAll(" ").strip();
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    static List<String> unmatchedKeys(List<String> keys, int[] matched) {
        Set<Integer> used = Arrays.stream(matched).boxed().collect(Collectors.toSet());
        return IntStream.range(0, keys.size()).filter(k -> !used.contains(k)).mapToObj(keys::get).toList();
    }
}
