package io.pgenrm.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Seeded generators of hostile inputs for the property tests: token soup, arbitrary UTF-16 text (lone surrogates,
 * controls and all) and mixes of both. A failure names its try, and a try is reproduced from the seed alone.
 */
public final class RandomInputs {
    private final SplittableRandom random;

    public RandomInputs(long seed) {
        this.random = new SplittableRandom(seed);
    }

    public int between(int min, int max) {
        return random.nextInt(min, max + 1);
    }

    public boolean coin() {
        return random.nextBoolean();
    }

    public long nextLong() {
        return random.nextLong();
    }

    public <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    @SafeVarargs
    public final <T> T oneOf(Supplier<T>... generators) {
        return generators[random.nextInt(generators.length)].get();
    }

    public <T> List<T> list(int min, int max, Supplier<T> element) {
        int size = between(min, max);
        List<T> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            out.add(element.get());
        }
        return out;
    }

    /** Up to {@code maxPieces} pieces, concatenated. */
    public String soup(List<String> pieces, int maxPieces) {
        return String.join("", list(0, maxPieces, () -> pick(pieces)));
    }

    /** Any UTF-16 code units, mostly printable ASCII so that words and numbers appear too. */
    public String text(int maxLength) {
        int length = between(0, maxLength);
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append((char) (random.nextInt(4) == 0 ? random.nextInt(0x10000) : random.nextInt(0x20, 0x7f)));
        }
        return out.toString();
    }

    /** Text over a small alphabet, up to {@code maxLength} characters. */
    public String text(String alphabet, int maxLength) {
        int length = between(0, maxLength);
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    public byte[] bytes(int maxLength) {
        byte[] out = new byte[between(0, maxLength)];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) random.nextInt(256);
        }
        return out;
    }

    /** Runs {@code property} on {@code tries} generated inputs from one seed; a failure names the try and input. */
    public static <T> void forAll(long seed, int tries, Function<RandomInputs, T> generator,
            java.util.function.Consumer<T> property) {
        RandomInputs inputs = new RandomInputs(seed);
        for (int attempt = 0; attempt < tries; attempt++) {
            T input = generator.apply(inputs);
            try {
                property.accept(input);
            } catch (AssertionError | RuntimeException failed) {
                throw new AssertionError("try " + attempt + " of seed " + seed + " failed on: " + describe(input),
                        failed);
            }
        }
    }

    private static String describe(Object input) {
        String text = String.valueOf(input instanceof byte[] bytes ? new String(bytes,
                java.nio.charset.StandardCharsets.UTF_8) : input);
        return text.length() > 2_000 ? text.substring(0, 2_000) + "... (" + text.length() + " chars)" : text;
    }
}
