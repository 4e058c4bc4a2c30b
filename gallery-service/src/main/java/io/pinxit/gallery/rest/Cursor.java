package io.pinxit.gallery.rest;

import io.pinxit.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/** An opaque keyset cursor: clients pass it back unchanged and must not read it. */
record Cursor(UUID lastSeen) {

    private static final String PREFIX = "v1:";

    String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + lastSeen).getBytes(StandardCharsets.UTF_8));
    }

    static Cursor decode(String text) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            if (!decoded.startsWith(PREFIX)) {
                throw new IllegalArgumentException("unknown cursor version");
            }
            return new Cursor(UUID.fromString(decoded.substring(PREFIX.length())));
        } catch (IllegalArgumentException e) {
            String message = "is not a cursor this API gave out; pass the 'next' value of a previous page unchanged";
            throw ProblemException.invalidField("cursor", message);
        }
    }
}
