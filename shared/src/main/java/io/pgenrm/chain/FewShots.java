package io.pgenrm.chain;

import io.pgenrm.domain.PreferencePair;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.zip.CRC32C;

/** Which of a user's past choices a prompt shows, in the order they were made. */
final class FewShots {
    private FewShots() {
    }

    /**
     * At most {@code count} pairs: the latest ones, or a draw seeded by {@code seed} and the user, so the samples of
     * one item see the same pairs while different users (neighbours) get independent draws.
     */
    static List<PreferencePair> select(List<PreferencePair> pairs, PromptLayout layout, String userId, long seed) {
        int count = layout.fewShots();
        if (pairs.size() <= count) {
            return pairs;
        }
        if (layout.fewShotSelection() == PromptLayout.FewShotSelection.RECENT) {
            return pairs.subList(pairs.size() - count, pairs.size());
        }
        int[] indices = IntStream.range(0, pairs.size()).toArray();
        SplittableRandom random = new SplittableRandom(seed ^ userHash(userId));
        for (int i = 0; i < count; i++) {
            int j = i + random.nextInt(indices.length - i);
            int swap = indices[i];
            indices[i] = indices[j];
            indices[j] = swap;
        }
        return IntStream.of(indices).limit(count).sorted().mapToObj(pairs::get).toList();
    }

    private static long userHash(String userId) {
        CRC32C crc = new CRC32C();
        crc.update(userId.getBytes(StandardCharsets.UTF_8));
        return crc.getValue() * 0x9E3779B97F4A7C15L;
    }
}
