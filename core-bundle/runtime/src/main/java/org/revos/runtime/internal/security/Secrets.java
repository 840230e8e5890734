package org.revos.runtime.internal.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import org.revos.runtime.internal.settings.RuntimeSettings;

/**
 * Key material. Keys carry 256 random bits, so a fast unsalted SHA-256 is the right hash: there is nothing to
 * brute-force, and every request must be verified quickly (slow password hashes are for low-entropy secrets).
 */
public final class Secrets {

    public static final String KEY_PREFIX = RuntimeSettings.KEY_PREFIX;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    /** @return a new API key: {@code rvs_} and 43 base64url characters */
    public static String newKey() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return KEY_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** @return the lower-case hex SHA-256 of {@code text} */
    public static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** @return the start of a key, enough to tell keys apart in a list, never enough to use */
    public static String displayPrefix(String key) {
        return key.substring(0, Math.min(10, key.length()));
    }
}
