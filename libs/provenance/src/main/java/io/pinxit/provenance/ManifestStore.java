package io.pinxit.provenance;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One manifest of a C2PA manifest store: its assertion store, claim and claim signature (C2PA 2.x §11.1.1). A store
 * written by {@link #toJumbf(List)} also holds, before this (active) manifest, the ingredients' manifests verbatim.
 *
 * @param claim     the claim's CBOR bytes exactly as signed
 * @param signature the COSE_Sign1 bytes
 */
record ManifestStore(String manifestLabel, List<Assertion> assertions, byte[] claim, byte[] signature) {

    static final String STORE_LABEL = "c2pa";
    static final String ASSERTION_STORE_LABEL = "c2pa.assertions";
    static final String SIGNATURE_LABEL = "c2pa.signature";
    private static final String URI_PREFIX = "self#jumbf=";

    ManifestStore {
        assertions = List.copyOf(assertions);
        claim = claim.clone();
        signature = signature.clone();
    }

    @Override
    public byte[] claim() {
        return claim.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    static String assertionUri(String manifestLabel, String assertionLabel) {
        return URI_PREFIX + "/" + STORE_LABEL + "/" + manifestLabel + "/" + ASSERTION_STORE_LABEL + "/" + assertionLabel;
    }

    static String signatureUri(String manifestLabel) {
        return URI_PREFIX + "/" + STORE_LABEL + "/" + manifestLabel + "/" + SIGNATURE_LABEL;
    }

    static String manifestUri(String manifestLabel) {
        return URI_PREFIX + "/" + STORE_LABEL + "/" + manifestLabel;
    }

    /** The manifest label a URI such as {@code self#jumbf=/c2pa/urn:c2pa:…} or one of its boxes' URIs points into. */
    static Optional<String> manifestLabel(String uri) {
        String prefix = URI_PREFIX + "/" + STORE_LABEL + "/";
        if (!uri.startsWith(prefix) || uri.length() == prefix.length()) {
            return Optional.empty();
        }
        String rest = uri.substring(prefix.length());
        int slash = rest.indexOf('/');
        return Optional.of(slash < 0 ? rest : rest.substring(0, slash));
    }

    JumbfSuperBox toJumbf() {
        return toJumbf(List.of());
    }

    /** The store with {@code earlier} manifests (copied verbatim, e.g. the ingredients') followed by this one. */
    JumbfSuperBox toJumbf(List<JumbfSuperBox> earlier) {
        List<JumbfBox> assertionBoxes = new ArrayList<>();
        assertions.forEach(assertion -> assertionBoxes.add(assertion.box()));
        JumbfSuperBox manifest = new JumbfSuperBox(JumbfSuperBox.MANIFEST, manifestLabel, List.of(
                new JumbfSuperBox(JumbfSuperBox.ASSERTION_STORE, ASSERTION_STORE_LABEL, assertionBoxes),
                new JumbfSuperBox(JumbfSuperBox.CLAIM, ClaimV2.LABEL,
                        List.of(new JumbfContentBox(JumbfContentBox.CBOR, claim))),
                new JumbfSuperBox(JumbfSuperBox.SIGNATURE, SIGNATURE_LABEL,
                        List.of(new JumbfContentBox(JumbfContentBox.CBOR, signature)))));
        List<JumbfBox> manifests = new ArrayList<>(earlier);
        manifests.add(manifest);
        return new JumbfSuperBox(JumbfSuperBox.MANIFEST_STORE, STORE_LABEL, manifests);
    }

    /** Reads the active manifest, the last one in the store (§11.1.1). */
    static ManifestStore read(JumbfSuperBox store) throws MalformedManifestException {
        List<JumbfSuperBox> manifests = manifests(store);
        return readManifest(manifests.get(manifests.size() - 1));
    }

    /** Every standard manifest of the store in store order, the active one last; never empty. */
    static List<JumbfSuperBox> manifests(JumbfSuperBox store) throws MalformedManifestException {
        if (!store.contentType().equals(JumbfSuperBox.MANIFEST_STORE) || !store.label().equals(STORE_LABEL)) {
            throw new MalformedManifestException("the JUMBF box is not a C2PA manifest store (label '" + store.label() + "')");
        }
        List<JumbfSuperBox> manifests = store.superBoxes().stream()
                .filter(box -> box.contentType().equals(JumbfSuperBox.MANIFEST))
                .toList();
        if (manifests.isEmpty()) {
            throw new MalformedManifestException("the manifest store holds no standard manifest");
        }
        return manifests;
    }

    /** Reads one manifest superbox of a store. */
    static ManifestStore readManifest(JumbfSuperBox manifest) throws MalformedManifestException {
        JumbfSuperBox assertionStore = part(manifest, ASSERTION_STORE_LABEL, JumbfSuperBox.ASSERTION_STORE);
        JumbfSuperBox claimBox = part(manifest, ClaimV2.LABEL, JumbfSuperBox.CLAIM);
        JumbfSuperBox signatureBox = part(manifest, SIGNATURE_LABEL, JumbfSuperBox.SIGNATURE);
        List<Assertion> assertions = assertionStore.superBoxes().stream()
                .map(box -> new Assertion(box.label(), box))
                .toList();
        return new ManifestStore(manifest.label(), assertions,
                cbor(claimBox).payload(), cbor(signatureBox).payload());
    }

    private static JumbfSuperBox part(JumbfSuperBox manifest, String label, UUID type) throws MalformedManifestException {
        JumbfSuperBox box = manifest.child(label).orElseThrow(() -> new MalformedManifestException(
                "manifest " + manifest.label() + " has no " + label + " box"));
        if (!box.contentType().equals(type)) {
            throw new MalformedManifestException("box " + label + " has the wrong JUMBF content type " + box.contentType());
        }
        return box;
    }

    private static JumbfContentBox cbor(JumbfSuperBox box) throws MalformedManifestException {
        return box.content(JumbfContentBox.CBOR).orElseThrow(() -> new MalformedManifestException(
                "box " + box.label() + " has no cbor content box"));
    }

    /** The assertion a claim's URI points to, given in absolute or manifest-relative form (§8.3.2). */
    Optional<Assertion> resolve(String uri) {
        String absolute = URI_PREFIX + "/" + STORE_LABEL + "/" + manifestLabel + "/" + ASSERTION_STORE_LABEL + "/";
        String relative = URI_PREFIX + ASSERTION_STORE_LABEL + "/";
        String label;
        if (uri.startsWith(absolute)) {
            label = uri.substring(absolute.length());
        } else if (uri.startsWith(relative)) {
            label = uri.substring(relative.length());
        } else {
            return Optional.empty();
        }
        return assertions.stream().filter(assertion -> assertion.label().equals(label)).findFirst();
    }
}
