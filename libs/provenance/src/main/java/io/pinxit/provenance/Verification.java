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
 * @param ingredients      one result per ingredient assertion of the active manifest, in order: whether the
 *                         ingredient's manifest embedded in this store is present, unchanged and validly signed
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
        List<String> problems,
        List<IngredientResult> ingredients) {

    public Verification {
        Objects.requireNonNull(signer, "signer");
        Objects.requireNonNull(content, "content");
        assertions = Collections.unmodifiableMap(new LinkedHashMap<>(assertions));
        problems = List.copyOf(problems);
        ingredients = List.copyOf(ingredients);
    }

    /** A verification without ingredient results, as before ingredients' manifests were embedded. */
    public Verification(boolean manifestPresent, boolean signatureValid, Optional<Signer> signer, boolean trusted,
                        boolean hardBindingValid, boolean assertionsIntact, Optional<ManifestContent> content,
                        Map<String, Object> assertions, List<String> problems) {
        this(manifestPresent, signatureValid, signer, trusted, hardBindingValid, assertionsIntact, content, assertions,
                problems, List.of());
    }

    /**
     * How one ingredient's embedded manifest verified. Its hard binding is not checked: it binds the ingredient's
     * file, which the derived picture does not contain.
     *
     * @param assertionLabel      the ingredient assertion, e.g. {@code c2pa.ingredient.v3}
     * @param title               the ingredient's {@code dc:title}
     * @param relationship        how the ingredient relates to the picture, when known
     * @param manifestLabel       the label of the ingredient's manifest ({@code activeManifest}); empty for a plain
     *                            ingredient that carried none
     * @param manifestPresent     the store holds that manifest
     * @param manifestHashMatches the manifest and its claim signature have the hashes the ingredient assertion gives
     * @param signatureValid      the manifest's claim signature verifies and its signer has the C2PA profile
     * @param signer              who signed the ingredient's manifest
     * @param trusted             that signer's chain ends at one of the given trust anchors
     * @param assertionsIntact    every assertion the ingredient's claim lists is present and unchanged
     * @param problems            reasons for each check that failed
     */
    public record IngredientResult(String assertionLabel, String title, Optional<ManifestContent.Relationship> relationship,
                                   Optional<String> manifestLabel, boolean manifestPresent, boolean manifestHashMatches,
                                   boolean signatureValid, Optional<Signer> signer, boolean trusted,
                                   boolean assertionsIntact, List<String> problems) {
        public IngredientResult {
            Objects.requireNonNull(assertionLabel, "assertionLabel");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(relationship, "relationship");
            Objects.requireNonNull(manifestLabel, "manifestLabel");
            Objects.requireNonNull(signer, "signer");
            problems = List.copyOf(problems);
        }

        /** The ingredient refers to a manifest of its own. */
        public boolean hasManifest() {
            return manifestLabel.isPresent();
        }

        /** The ingredient's embedded manifest is present, unchanged and validly signed; says nothing about trust. */
        public boolean valid() {
            return manifestPresent && manifestHashMatches && signatureValid && assertionsIntact;
        }
    }

    /** Every ingredient that refers to a manifest has a valid embedded copy of it. */
    public boolean ingredientsValid() {
        return ingredients.stream().filter(IngredientResult::hasManifest).allMatch(IngredientResult::valid);
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
