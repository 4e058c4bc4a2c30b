package io.pinxit.provenance;

import com.upokecenter.cbor.CBORObject;
import com.upokecenter.cbor.CBORType;
import io.pinxit.provenance.PngChunks.Chunk;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The C2PA manifest an ingredient carried, kept so that a derived picture can embed it (C2PA 2.x §11.1.1, §18.8):
 * the ingredient's active manifest and, transitively, the manifests of its own ingredients, all copied verbatim so
 * that their signatures still verify, plus the {@code validationResults} the ingredient had when it was added.
 */
public final class IngredientManifest {

    private final String label;
    private final ValidationResults validationResults;
    private final List<JumbfSuperBox> manifests;

    IngredientManifest(String label, ValidationResults validationResults, List<JumbfSuperBox> manifests) {
        this.label = Objects.requireNonNull(label, "label");
        this.validationResults = Objects.requireNonNull(validationResults, "validationResults");
        this.manifests = List.copyOf(manifests);
        if (this.manifests.isEmpty() || !this.manifests.get(this.manifests.size() - 1).label().equals(label)) {
            throw new IllegalArgumentException("the ingredient's active manifest " + label + " must come last");
        }
    }

    /** The label ({@code urn:c2pa:…}) of the ingredient's active manifest. */
    public String label() {
        return label;
    }

    /** How the ingredient validated when it was added. */
    public ValidationResults validationResults() {
        return validationResults;
    }

    /** The manifests to embed, in store order: those the active manifest refers to (transitively), then it. */
    List<JumbfSuperBox> manifests() {
        return manifests;
    }

    JumbfSuperBox activeManifest() {
        return manifests.get(manifests.size() - 1);
    }

    /** One validation status entry (C2PA 2.x §15.2.1): a code such as {@code claimSignature.validated} and a URI. */
    public record StatusCode(String code, Optional<String> url) {
        public StatusCode {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(url, "url");
        }

        CBORObject toCbor() {
            CBORObject map = CBORObject.NewOrderedMap().Add("code", code);
            url.ifPresent(value -> map.Add("url", value));
            return map;
        }
    }

    /** The {@code activeManifest} part of a {@code validation-results-map} (C2PA 2.x §15.2.2). */
    public record ValidationResults(List<StatusCode> success, List<StatusCode> informational, List<StatusCode> failure) {
        public ValidationResults {
            success = List.copyOf(success);
            informational = List.copyOf(informational);
            failure = List.copyOf(failure);
        }

        CBORObject toCbor() {
            CBORObject codes = CBORObject.NewOrderedMap()
                    .Add("success", array(success))
                    .Add("informational", array(informational))
                    .Add("failure", array(failure));
            return CBORObject.NewOrderedMap().Add("activeManifest", codes);
        }

        static ValidationResults fromCbor(CBORObject value) {
            CBORObject active = value != null && value.getType() == CBORType.Map ? value.get("activeManifest") : null;
            return new ValidationResults(codes(active, "success"), codes(active, "informational"), codes(active, "failure"));
        }

        private static CBORObject array(List<StatusCode> codes) {
            CBORObject array = CBORObject.NewArray();
            codes.forEach(code -> array.Add(code.toCbor()));
            return array;
        }

        private static List<StatusCode> codes(CBORObject map, String key) {
            List<StatusCode> codes = new ArrayList<>();
            CBORObject list = map != null && map.getType() == CBORType.Map ? map.get(key) : null;
            if (list != null && list.getType() == CBORType.Array) {
                for (CBORObject entry : list.getValues()) {
                    CBORObject code = entry.getType() == CBORType.Map ? entry.get("code") : null;
                    CBORObject url = entry.getType() == CBORType.Map ? entry.get("url") : null;
                    if (code != null && code.getType() == CBORType.TextString) {
                        codes.add(new StatusCode(code.AsString(), url != null && url.getType() == CBORType.TextString
                                ? Optional.of(url.AsString()) : Optional.empty()));
                    }
                }
            }
            return codes;
        }
    }

    /**
     * The manifest the PNG carries, with how it validates now against {@code trustAnchors}; empty when the picture has
     * no manifest store or one that cannot be read (it is then a plain ingredient).
     */
    static Optional<IngredientManifest> of(byte[] png, Collection<X509Certificate> trustAnchors)
            throws InvalidImageException {
        PngChunks chunks = PngChunks.parse(png);
        List<Chunk> stores = chunks.chunks().stream().filter(c -> c.type().equals(PngChunks.MANIFEST_CHUNK)).toList();
        if (stores.size() != 1 || stores.get(0).dataLength() > C2paPng.MAX_MANIFEST_BYTES) {
            return Optional.empty();
        }
        List<JumbfSuperBox> manifests;
        String label;
        try {
            manifests = ManifestStore.manifests(JumbfParser.parseSuperBox(chunks.data(stores.get(0))));
            label = ManifestStore.readManifest(manifests.get(manifests.size() - 1)).manifestLabel();
        } catch (MalformedManifestException | RuntimeException e) {
            return Optional.empty();
        }
        Verification verification = C2paPng.verify(png, trustAnchors);
        return Optional.of(new IngredientManifest(label, results(label, verification), closure(label, manifests)));
    }

    private static ValidationResults results(String label, Verification verification) {
        List<StatusCode> success = new ArrayList<>();
        List<StatusCode> failure = new ArrayList<>();
        Optional<String> signature = Optional.of(ManifestStore.signatureUri(label));
        Optional<String> binding = Optional.of(ManifestStore.assertionUri(label, HardBinding.LABEL));
        if (verification.signatureValid()) {
            success.add(new StatusCode("claimSignature.validated", signature));
            success.add(new StatusCode("claimSignature.insideValidity", signature));
        } else {
            failure.add(new StatusCode("claimSignature.mismatch", signature));
        }
        (verification.trusted() ? success : failure).add(new StatusCode(
                verification.trusted() ? "signingCredential.trusted" : "signingCredential.untrusted", signature));
        (verification.assertionsIntact() ? success : failure).add(new StatusCode(verification.assertionsIntact()
                ? "assertion.hashedURI.match" : "assertion.hashedURI.mismatch", Optional.of(ManifestStore.manifestUri(label))));
        (verification.hardBindingValid() ? success : failure).add(new StatusCode(
                verification.hardBindingValid() ? "assertion.dataHash.match" : "assertion.dataHash.mismatch", binding));
        return new ValidationResults(success, List.of(), failure);
    }

    /**
     * The manifest labelled {@code label} and every manifest it refers to through ingredient assertions,
     * transitively, in store order; the labelled one last. Unresolvable references are left out.
     */
    static List<JumbfSuperBox> closure(String label, List<JumbfSuperBox> storeManifests) {
        Map<String, JumbfSuperBox> byLabel = new LinkedHashMap<>();
        storeManifests.forEach(box -> byLabel.putIfAbsent(box.label(), box));
        Set<String> needed = new HashSet<>();
        List<String> pending = new ArrayList<>(List.of(label));
        while (!pending.isEmpty()) {
            String next = pending.remove(pending.size() - 1);
            JumbfSuperBox manifest = byLabel.get(next);
            if (manifest != null && needed.add(next)) {
                pending.addAll(referencedManifests(manifest));
            }
        }
        List<JumbfSuperBox> ordered = new ArrayList<>();
        byLabel.values().stream().filter(box -> needed.contains(box.label()) && !box.label().equals(label))
                .forEach(ordered::add);
        ordered.add(byLabel.get(label));
        return ordered;
    }

    /** Labels of the manifests a manifest's ingredient assertions point to ({@code activeManifest} or v2's {@code c2pa_manifest}). */
    private static List<String> referencedManifests(JumbfSuperBox manifest) {
        List<String> labels = new ArrayList<>();
        Optional<JumbfSuperBox> assertionStore = manifest.child(ManifestStore.ASSERTION_STORE_LABEL);
        if (assertionStore.isEmpty()) {
            return labels;
        }
        for (JumbfSuperBox box : assertionStore.get().superBoxes()) {
            if (!box.label().startsWith("c2pa.ingredient")) {
                continue;
            }
            try {
                CBORObject value = new Assertion(box.label(), box).cborValue();
                for (String key : List.of("activeManifest", "c2pa_manifest")) {
                    CBORObject uri = value.getType() == CBORType.Map ? value.get(key) : null;
                    if (uri != null) {
                        ManifestStore.manifestLabel(HashedUri.fromCbor(uri).url()).ifPresent(labels::add);
                    }
                }
            } catch (MalformedManifestException | RuntimeException e) {
                // an unreadable ingredient assertion refers to nothing we can copy
            }
        }
        return labels;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IngredientManifest manifest && manifest.label.equals(label)
                && manifest.validationResults.equals(validationResults) && manifest.manifests.equals(manifests);
    }

    @Override
    public int hashCode() {
        return Objects.hash(label, validationResults, manifests);
    }

    @Override
    public String toString() {
        return "IngredientManifest[" + label + ", " + manifests.size() + " manifest(s), " + validationResults + "]";
    }
}
