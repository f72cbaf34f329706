package io.pgenrm.simulator;

import java.nio.charset.StandardCharsets;

/** Derives independent random streams from several numbers, so every decision can be replayed from its inputs. */
final class Seeds {
    private Seeds() {
    }

    /** SplitMix64's finalizer over each part in turn: inputs differing in any part give unrelated seeds. */
    static long mix(long... parts) {
        long h = 0x9E3779B97F4A7C15L;
        for (long part : parts) {
            h = finish(h ^ finish(part + 0x9E3779B97F4A7C15L));
        }
        return h;
    }

    /** A 64-bit FNV-1a hash of some bytes, e.g. a request body. */
    static long hash(byte[] bytes) {
        long h = 0xcbf29ce484222325L;
        for (byte b : bytes) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }

    static long hash(String text) {
        return hash(text.getBytes(StandardCharsets.UTF_8));
    }

    private static long finish(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
