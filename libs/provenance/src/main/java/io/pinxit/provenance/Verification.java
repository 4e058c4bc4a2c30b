package io.pinxit.provenance;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What verifying a picture's C2PA manifest found.
 *
 * @param manifestPresent  the file carries a C2PA manifest store
 * @param signatureValid   the claim signature verifies with the signing certificate, which was valid when checked
 *                         and has the C2PA end-entity profile
 * @param signer           who signed, read from the signing certificate
 * @param trusted          the certificate chain ends at one of the given trust anchors
 * @param hardBindingValid the picture's bytes are the ones that were signed
 * @param assertionsIntact every assertion the claim lists is present with the hash the claim gives
 * @param content          the manifest's content, when it could be read
 * @param assertions       every assertion as plain values, keyed by label
 * @param problems         human-readable reasons for each check that failed; empty when all passed
 */
public record Verification(
        boolean manifestPresent,
        boolean signatureValid,
        Optional<Signer> signer,
        boolean trusted,
        boolean hardBindingValid,
        boolean assertionsIntact,
        Optional<ManifestContent> content,
        Map<String, Object> assertions,
        List<String> problems) {

    public Verification {
        Objects.requireNonNull(signer, "signer");
        Objects.requireNonNull(content, "content");
        assertions = Collections.unmodifiableMap(new LinkedHashMap<>(assertions));
        problems = List.copyOf(problems);
    }

    /** The subject of the signing certificate. */
    public record Signer(String subject, Optional<String> organisation) {
    }

    /** The manifest is intact and binds this exact file; says nothing about whether the signer is trusted. */
    public boolean valid() {
        return manifestPresent && signatureValid && hardBindingValid && assertionsIntact;
    }

    static Verification failed(boolean manifestPresent, String problem) {
        return new Verification(manifestPresent, false, Optional.empty(), false, false, false, Optional.empty(),
                Map.of(), List.of(problem));
    }
}
