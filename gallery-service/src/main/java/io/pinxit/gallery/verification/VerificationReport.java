package io.pinxit.gallery.verification;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What this gallery can prove about a file: whether it carries a valid, trusted C2PA manifest with an intact
 * hard binding, what that manifest says, and which artworks of this Pinxit the file is (by content hash, so a
 * copy stripped of its manifest is still recognised).
 */
public record VerificationReport(Verdict verdict, String summary, Manifest manifest, List<String> problems,
                                 List<KnownArtwork> knownArtworks) {

    public enum Verdict {
        /** Signed, signature and binding valid, signer trusted by this gallery. */
        TRUSTED,
        /** Signed, signature and binding valid, but by a signer this gallery does not trust. */
        VALID_UNTRUSTED,
        /** A manifest is there but something in it or in the file does not hold. */
        INVALID,
        /** No manifest: nothing is claimed; a known artwork may still be recognised by its content. */
        UNSIGNED,
        /** Not a PNG image. */
        NOT_AN_IMAGE
    }

    public record Manifest(boolean signatureValid, String signer, boolean trusted, boolean hardBindingValid,
                           boolean assertionsIntact, String title, String author, String licence,
                           String digitalSourceType, Map<String, Object> generation) {
    }

    public record KnownArtwork(UUID id, String title, String author, String licence, Map<String, String> links) {
    }
}
