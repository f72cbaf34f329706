package io.pgenrm.chain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fences user-supplied text in prompts as {@code [BEGIN <label> #<id>] ... [END <label> #<id>]}, and finds
 * candidate responses the judge echoed back in that fence. The id is a hash of the fenced text, so a candidate
 * cannot contain its own closing line and break out of the fence to pose as instructions.
 */
final class DataFence {
    private static final Pattern ECHOED_RESPONSE_START =
            Pattern.compile("\\[BEGIN (RESPONSE \\d+)(?: #([0-9a-f]+))?]");

    private DataFence() {
    }

    static String wrap(String label, String text) {
        String id = id(text);
        return "[BEGIN " + label + " #" + id + "]\n" + text + "\n[END " + label + " #" + id + "]";
    }

    static String responseLabel(int shownPosition) {
        return "RESPONSE " + (shownPosition + 1);
    }

    /**
     * The output with every fenced response the judge echoed replaced by spaces (newlines kept, so offsets and
     * line structure stay valid). Markers, JSON or criteria quoted from a candidate then cannot pass for the
     * judge's own verdict. A start line without its matching end line is not treated as a fence.
     */
    static String blankEchoedResponses(String output) {
        StringBuilder masked = null;
        Matcher start = ECHOED_RESPONSE_START.matcher(output);
        int from = 0;
        while (from < output.length() && start.find(from)) {
            String end = "[END " + start.group(1) + (start.group(2) == null ? "" : " #" + start.group(2)) + "]";
            int endAt = output.indexOf(end, start.end());
            if (endAt < 0) {
                from = start.end();
                continue;
            }
            int stop = endAt + end.length();
            if (masked == null) {
                masked = new StringBuilder(output);
            }
            for (int i = start.start(); i < stop; i++) {
                if (masked.charAt(i) != '\n') {
                    masked.setCharAt(i, ' ');
                }
            }
            from = stop;
        }
        return masked == null ? output : masked.toString();
    }

    private static String id(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
