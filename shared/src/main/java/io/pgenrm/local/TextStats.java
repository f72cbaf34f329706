package io.pgenrm.local;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Counting primitives for style features. */
final class TextStats {
    private static final Pattern WORD = Pattern.compile("\\S+");

    private TextStats() {
    }

    static int words(String text) {
        return count(WORD, text);
    }

    static int count(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    static int emojis(String text) {
        return (int) text.codePoints().filter(cp -> cp >= 0x1F300 && cp <= 0x1FAFF || cp >= 0x2600 && cp <= 0x27BF)
                .count();
    }
}
