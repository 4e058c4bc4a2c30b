package io.pinxit.apikeys;

import io.pinxit.contracts.Sha256;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Makes and hashes API key secrets. A secret carries 256 random bits, so a plain SHA-256 is enough to store it:
 * there is nothing to guess that a slow hash would protect.
 */
public final class KeySecrets {

    private static final String PREFIX = "pxk_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private KeySecrets() {
    }

    public static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static boolean looksLikeKey(String candidate) {
        return candidate.startsWith(PREFIX) && candidate.length() == PREFIX.length() + 43;
    }

    public static String hash(String secret) {
        return Sha256.hex(secret);
    }
}
