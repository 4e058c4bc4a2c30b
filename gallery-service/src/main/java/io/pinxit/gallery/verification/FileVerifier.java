package io.pinxit.gallery.verification;

import io.pinxit.catalog.Artwork;
import io.pinxit.catalog.ArtworkCatalog;
import io.pinxit.contracts.Sha256;
import io.pinxit.contracts.Visibility;
import io.pinxit.gallery.verification.VerificationReport.KnownArtwork;
import io.pinxit.gallery.verification.VerificationReport.Manifest;
import io.pinxit.gallery.verification.VerificationReport.Verdict;
import io.pinxit.provenance.C2paPng;
import io.pinxit.provenance.InvalidImageException;
import io.pinxit.provenance.ManifestContent;
import io.pinxit.provenance.Verification;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Checks a file's C2PA manifest against this gallery's trust anchors and looks the file up in the catalog. */
@ApplicationScoped
public class FileVerifier {

    private final TrustAnchors trustAnchors;
    private final ArtworkCatalog catalog;

    FileVerifier(TrustAnchors trustAnchors, ArtworkCatalog catalog) {
        this.trustAnchors = trustAnchors;
        this.catalog = catalog;
    }

    public VerificationReport verify(byte[] file) {
        Verification verification = C2paPng.verify(file, trustAnchors.certificates());
        byte[] stripped;
        try {
            stripped = C2paPng.strip(file);
        } catch (InvalidImageException e) {
            return new VerificationReport(Verdict.NOT_AN_IMAGE, "The file is not a PNG image: " + e.getMessage(),
                    null, verification.problems(), List.of());
        }
        var known = knownArtworks(Sha256.hex(stripped));
        if (!verification.manifestPresent()) {
            String summary = known.isEmpty() ? "The file carries no provenance manifest and is not known here."
                    : "The file carries no provenance manifest, but its content is an artwork made by this Pinxit.";
            return new VerificationReport(Verdict.UNSIGNED, summary, null, verification.problems(), known);
        }
        Verdict verdict = verdictOf(verification);
        return new VerificationReport(verdict, summaryOf(verdict, verification), manifestOf(verification),
                verification.problems(), known);
    }

    private static Verdict verdictOf(Verification verification) {
        if (!verification.valid()) {
            return Verdict.INVALID;
        }
        return verification.trusted() ? Verdict.TRUSTED : Verdict.VALID_UNTRUSTED;
    }

    private static String summaryOf(Verdict verdict, Verification verification) {
        String signer = verification.signer().map(Verification.Signer::subject).orElse("an unknown signer");
        return switch (verdict) {
            case TRUSTED -> "Signed by " + signer + ", whom this gallery trusts; the picture is unchanged since.";
            case VALID_UNTRUSTED -> "Signed by " + signer + " and unchanged since, but this gallery does not trust"
                    + " that signer.";
            default -> "The provenance manifest does not hold: " + String.join("; ", verification.problems());
        };
    }

    private static Manifest manifestOf(Verification verification) {
        var content = verification.content();
        return new Manifest(verification.signatureValid(),
                verification.signer().map(Verification.Signer::subject).orElse(null),
                verification.trusted(), verification.hardBindingValid(), verification.assertionsIntact(),
                content.map(ManifestContent::title).orElse(null),
                content.flatMap(ManifestContent::author).map(ManifestContent.Author::name).orElse(null),
                content.flatMap(ManifestContent::licence).orElse(null),
                content.map(ManifestContent::digitalSourceType).orElse(null),
                content.map(ManifestContent::generation).orElse(Map.of()));
    }

    /** Only what anyone may see: a private artwork is not revealed, not even that it exists. */
    private List<KnownArtwork> knownArtworks(String sha256) {
        return catalog.findByImageHash(sha256).stream()
                .filter(artwork -> artwork.authorship().visibility() != Visibility.PRIVATE)
                .map(FileVerifier::known)
                .toList();
    }

    private static KnownArtwork known(Artwork artwork) {
        String self = "/api/v1/artworks/" + artwork.id();
        Map<String, String> links = new LinkedHashMap<>();
        links.put("self", self);
        links.put("image", self + "/image");
        return new KnownArtwork(artwork.id(), artwork.authorship().title(), artwork.authorship().authorName(),
                artwork.authorship().licence(), links);
    }
}
