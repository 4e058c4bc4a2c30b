package io.pinxit.gallery.security;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Everything a session needs is derived from its id, 256 random bits that only the browser keeps: the hash its row is
 * found by, the key that seals its API key, and the token its forms carry. Each is an HMAC-SHA256 of a different
 * label under the id, so knowing one (a row, a page's form) reveals neither the id nor the others.
 */
final class SessionSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int ID_BYTES = 32;
    private static final int ID_LENGTH = 43;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private SessionSecrets() {
    }

    /** A new random value of 256 bits, base64url without padding: a session id, or the sign-in form's token. */
    static String newRandom() {
        byte[] bytes = new byte[ID_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static boolean looksLikeRandom(String candidate) {
        return candidate != null && candidate.length() == ID_LENGTH
                && candidate.chars().allMatch(c -> Character.isLetterOrDigit(c) && c < 128 || c == '-' || c == '_');
    }

    static byte[] lookupHash(String id) {
        return derive(id, "lookup");
    }

    static String formToken(String id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(derive(id, "form"));
    }

    /** Whether two tokens are equal, in time that does not depend on where they differ. */
    static boolean sameToken(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                given.getBytes(StandardCharsets.US_ASCII));
    }

    static byte[] seal(String id, String key) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            byte[] sealed = cipher(Cipher.ENCRYPT_MODE, id, iv).doFinal(key.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /** The key sealed under {@code id}, or nothing when {@code sealed} was not sealed under it or was altered. */
    static Optional<String> unseal(String id, byte[] sealed) {
        try {
            byte[] iv = Arrays.copyOf(sealed, IV_BYTES);
            byte[] key = cipher(Cipher.DECRYPT_MODE, id, iv).doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
            return Optional.of(new String(key, StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            return Optional.empty();
        }
    }

    private static Cipher cipher(int mode, String id, byte[] iv) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(derive(id, "seal"), "AES"), new GCMParameterSpec(TAG_BITS, iv));
        return cipher;
    }

    private static byte[] derive(String id, String label) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(id.getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
            return mac.doFinal(label.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }
}
