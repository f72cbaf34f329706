package io.pgenrm.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A SHA-256 over a sequence of texts, each prefixed with its length, so that ("ab", "c") and ("a", "bc") differ.
 * Used for identities that must change exactly when their content does (a history's version, an evaluation's id).
 */
public final class ContentHash {
    private final MessageDigest digest;

    public ContentHash() {
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    public ContentHash add(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        digest.update((byte) ':');
        digest.update(bytes);
        return this;
    }

    /** The first {@code bytes} bytes of the hash in hex; the hash cannot be extended afterwards. */
    public String hex(int bytes) {
        return HexFormat.of().formatHex(digest.digest(), 0, bytes);
    }
}
