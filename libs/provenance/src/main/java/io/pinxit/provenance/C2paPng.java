package io.pinxit.provenance;

import com.upokecenter.cbor.CBORObject;
import com.upokecenter.cbor.CBORType;
import io.pinxit.provenance.HardBinding.Exclusion;
import io.pinxit.provenance.ManifestContent.Ingredient;
import io.pinxit.provenance.ManifestContent.Relationship;
import io.pinxit.provenance.PngChunks.Chunk;
import io.pinxit.provenance.Verification.IngredientResult;
import io.pinxit.provenance.Verification.Signer;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Signs PNG pictures with an embedded C2PA 2.x manifest and verifies them (C2PA 2.x §A.3.3: the manifest store
 * travels in a {@code caBX} chunk right after {@code IHDR}). Pixels are never touched: signing only adds chunks.
 */
public final class C2paPng {

    /** Manifest stores larger than this are refused when reading and when signing. */
    public static final int MAX_MANIFEST_BYTES = 16 * 1024 * 1024;
    private static final int MAX_LAYOUT_ATTEMPTS = 8;

    private C2paPng() {
    }

    /**
     * Returns the picture with an XMP packet and a signed manifest describing {@code content}. A manifest or XMP
     * packet the picture already had is replaced; describe its origin as an ingredient to keep the history. The
     * manifests of ingredients made with {@link ManifestContent.Ingredient#fromFile} are copied into the new manifest
     * store, before the new (active) manifest.
     *
     * @throws InvalidImageException if {@code png} is not a well-formed PNG
     */
    public static byte[] sign(byte[] png, ManifestContent content, SigningCredentials credentials)
            throws InvalidImageException {
        PngChunks stripped = PngChunks.parse(strip(png));
        PngChunks withXmp = PngChunks.parse(stripped.insertedAfterHeader(PngChunks.encodeXmp(XmpPacket.of(content))));
        byte[] unsigned = withXmp.without(chunk -> false);
        // The caBX chunk goes where the exclusion says, so the hash over the rest equals the hash of the unsigned file.
        byte[] hash = HardBinding.sha256(unsigned);
        int offset = withXmp.afterHeader();
        String manifestLabel = "urn:c2pa:" + UUID.randomUUID();
        List<Assertion> described = ManifestAssertions.describe(content, manifestLabel);
        List<JumbfSuperBox> ingredientManifests = ingredientManifests(content);
        long chunkLength = 0;
        // The exclusion length is inside the manifest it measures: repeat until the CBOR integer's width settles.
        for (int attempt = 0; attempt < MAX_LAYOUT_ATTEMPTS; attempt++) {
            HardBinding binding = new HardBinding(List.of(new Exclusion(offset, chunkLength)), hash);
            byte[] store = manifestStore(manifestLabel, described, binding, content, credentials, ingredientManifests);
            if (store.length > MAX_MANIFEST_BYTES) {
                throw new IllegalArgumentException("the manifest would take " + store.length + " bytes, over the limit of "
                        + MAX_MANIFEST_BYTES);
            }
            if (store.length + PngChunks.CHUNK_OVERHEAD == chunkLength) {
                return withXmp.insertedAfterHeader(PngChunks.encode(PngChunks.MANIFEST_CHUNK, store));
            }
            chunkLength = store.length + PngChunks.CHUNK_OVERHEAD;
        }
        throw new IllegalStateException("the manifest's size did not settle after " + MAX_LAYOUT_ATTEMPTS + " attempts");
    }

    /** The ingredients' manifests, each once, in the order the ingredients list them; each ingredient's active one last. */
    private static List<JumbfSuperBox> ingredientManifests(ManifestContent content) {
        Map<String, JumbfSuperBox> manifests = new LinkedHashMap<>();
        for (Ingredient ingredient : content.ingredients()) {
            for (JumbfSuperBox manifest : ingredient.manifest().map(IngredientManifest::manifests).orElse(List.of())) {
                JumbfSuperBox known = manifests.putIfAbsent(manifest.label(), manifest);
                if (known != null && !known.equals(manifest)) {
                    throw new IllegalArgumentException("two ingredients carry different manifests labelled " + manifest.label());
                }
            }
        }
        return List.copyOf(manifests.values());
    }

    private static byte[] manifestStore(String manifestLabel, List<Assertion> described, HardBinding binding,
                                        ManifestContent content, SigningCredentials credentials,
                                        List<JumbfSuperBox> ingredientManifests) {
        List<Assertion> assertions = new ArrayList<>(described);
        assertions.add(Assertion.cbor(HardBinding.LABEL, binding.toCbor()));
        List<HashedUri> created = assertions.stream()
                .map(a -> HashedUri.to(ManifestStore.assertionUri(manifestLabel, a.label()), a.box()))
                .toList();
        ClaimV2 claim = new ClaimV2("xmp:iid:" + UUID.randomUUID(), content.generator(),
                ManifestStore.signatureUri(manifestLabel), created, Optional.of(content.title()));
        byte[] claimBytes = claim.toCbor();
        try {
            byte[] signature = CoseSign1.sign(claimBytes, credentials).toBytes();
            return new ManifestStore(manifestLabel, assertions, claimBytes, signature)
                    .toJumbf(ingredientManifests).toBytes();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the signing key cannot make ES256 signatures: " + e.getMessage(), e);
        }
    }

    /**
     * Checks the picture's manifest: signature, signer profile, trust, assertion hashes and hard binding.
     * Never throws for bad input; every failure is reported in {@link Verification#problems()}.
     *
     * @param trustAnchors CA certificates whose signers are trusted; empty to trust nobody
     */
    public static Verification verify(byte[] file, Collection<X509Certificate> trustAnchors) {
        PngChunks png;
        try {
            png = PngChunks.parse(file);
        } catch (InvalidImageException e) {
            return Verification.failed(false, e.getMessage());
        }
        List<Chunk> manifests = png.chunks().stream().filter(c -> c.type().equals(PngChunks.MANIFEST_CHUNK)).toList();
        if (manifests.isEmpty()) {
            return Verification.failed(false, "the picture carries no C2PA manifest (no caBX chunk)");
        } else if (manifests.size() > 1) {
            return Verification.failed(true, "the picture carries " + manifests.size() + " caBX chunks; C2PA allows one");
        } else if (manifests.get(0).dataLength() > MAX_MANIFEST_BYTES) {
            return Verification.failed(true, "the manifest store of " + manifests.get(0).dataLength()
                    + " bytes exceeds the limit of " + MAX_MANIFEST_BYTES);
        }
        try {
            return verify(file, png.data(manifests.get(0)), trustAnchors, Instant.now());
        } catch (MalformedManifestException e) {
            return Verification.failed(true, "the manifest cannot be read: " + e.getMessage());
        } catch (RuntimeException e) {
            // A last guard: unexpected shapes of untrusted input must end in a report, never in the caller's stack.
            return Verification.failed(true, "the manifest cannot be read: " + e);
        }
    }

    private static Verification verify(byte[] file, byte[] storeBytes, Collection<X509Certificate> trustAnchors,
                                       Instant now) throws MalformedManifestException {
        List<JumbfSuperBox> manifests = ManifestStore.manifests(JumbfParser.parseSuperBox(storeBytes));
        ManifestStore store = ManifestStore.readManifest(manifests.get(manifests.size() - 1));
        ClaimV2 claim = ClaimV2.fromCbor(store.claim());
        ManifestCheck check = check(store, claim, trustAnchors, now);
        List<String> problems = new ArrayList<>(check.problems());

        boolean hardBindingValid = false;
        if (check.hardBinding().isEmpty()) {
            problems.add("the manifest has no intact " + HardBinding.LABEL + " hard binding");
        } else {
            Optional<String> mismatch = HardBinding.fromCbor(check.hardBinding().get().cborValue()).mismatch(file);
            mismatch.ifPresent(problems::add);
            hardBindingValid = mismatch.isEmpty();
        }

        Optional<ManifestContent> content = Optional.empty();
        Map<String, Object> assertions = Map.of();
        try {
            content = Optional.of(ManifestAssertions.read(store, claim, manifests));
            assertions = ManifestAssertions.values(store);
        } catch (MalformedManifestException e) {
            problems.add("the manifest's content cannot be read: " + e.getMessage());
        }
        List<IngredientResult> ingredients = new ArrayList<>();
        for (Assertion assertion : store.assertions()) {
            if (ManifestAssertions.isIngredient(assertion.label())) {
                ingredients.add(verifyIngredient(assertion, manifests, store.manifestLabel(), trustAnchors, now));
            }
        }
        return new Verification(true, check.signatureValid(), Optional.of(check.signer()), check.trusted(),
                hardBindingValid, check.assertionsIntact(), content, assertions, problems, ingredients);
    }

    /** What checking one manifest's claim, signature and assertions found; the hard binding is left to the caller. */
    private record ManifestCheck(boolean signatureValid, Signer signer, boolean trusted, boolean assertionsIntact,
                                 Optional<Assertion> hardBinding, List<String> problems) {
    }

    private static ManifestCheck check(ManifestStore store, ClaimV2 claim, Collection<X509Certificate> trustAnchors,
                                       Instant now) throws MalformedManifestException {
        List<String> problems = new ArrayList<>();
        CoseSign1 signature = CoseSign1.parse(store.signature());
        boolean signatureValid;
        try {
            signatureValid = signature.verifies(store.claim());
        } catch (GeneralSecurityException e) {
            signatureValid = false;
        }
        if (!signatureValid) {
            problems.add("the claim signature does not verify (ES256 with the signing certificate's key)");
        }
        X509Certificate signingCertificate = signature.chain().get(0);
        List<String> profileProblems = SignerCertificate.problems(signingCertificate, now);
        problems.addAll(profileProblems);
        signatureValid &= profileProblems.isEmpty();
        if (!claim.signature().equals(ManifestStore.signatureUri(store.manifestLabel()))) {
            problems.add("the claim points to signature " + claim.signature() + ", not to its own manifest's");
            signatureValid = false;
        }
        boolean trusted = SignerCertificate.trusted(signature.chain(), trustAnchors, now);
        if (!trusted) {
            problems.add("the signing certificate chain does not lead to a trusted certificate authority");
        }

        boolean assertionsIntact = true;
        Optional<Assertion> hardBinding = Optional.empty();
        for (HashedUri uri : claim.createdAssertions()) {
            Optional<Assertion> assertion = store.resolve(uri.url());
            if (assertion.isEmpty()) {
                problems.add("the claim lists " + uri.url() + " but the manifest has no such assertion");
                assertionsIntact = false;
            } else if (!uri.matches(assertion.get().box())) {
                problems.add("assertion " + assertion.get().label() + " changed after signing (hash mismatch)");
                assertionsIntact = false;
            } else if (assertion.get().label().equals(HardBinding.LABEL)) {
                hardBinding = assertion;
            }
        }
        return new ManifestCheck(signatureValid, SignerCertificate.signer(signingCertificate), trusted, assertionsIntact,
                hardBinding, problems);
    }

    /** Checks the manifest an ingredient assertion points to: present, unchanged, validly signed, its assertions intact. */
    private static IngredientResult verifyIngredient(Assertion assertion, List<JumbfSuperBox> manifests,
                                                     String activeLabel, Collection<X509Certificate> trustAnchors,
                                                     Instant now) {
        String title = "";
        Optional<Relationship> relationship = Optional.empty();
        Optional<String> manifestLabel = Optional.empty();
        List<String> problems = new ArrayList<>();
        try {
            CBORObject value = assertion.cborValue();
            if (value.getType() != CBORType.Map) {
                throw new MalformedManifestException(assertion.label() + " is not a CBOR map");
            }
            title = text(value, "dc:title");
            relationship = Relationship.fromLabel(text(value, "relationship"));
            CBORObject activeManifest = value.get("activeManifest");
            if (activeManifest == null) {
                return new IngredientResult(assertion.label(), title, relationship, Optional.empty(), false, false, false,
                        Optional.empty(), false, false, List.of());
            }
            HashedUri manifestUri = HashedUri.fromCbor(activeManifest);
            manifestLabel = ManifestStore.manifestLabel(manifestUri.url());
            String label = manifestLabel.orElseThrow(() -> new MalformedManifestException(
                    assertion.label() + " points to " + manifestUri.url() + ", not to a manifest of this store"));
            Optional<JumbfSuperBox> manifest = label.equals(activeLabel) ? Optional.empty()
                    : manifests.stream().filter(box -> box.label().equals(label)).findFirst();
            if (manifest.isEmpty()) {
                problems.add("the manifest store holds no manifest " + label + " for ingredient " + assertion.label());
                return new IngredientResult(assertion.label(), title, relationship, manifestLabel, false, false, false,
                        Optional.empty(), false, false, problems);
            }
            boolean hashMatches = manifestUri.matches(manifest.get());
            if (!hashMatches) {
                problems.add("ingredient manifest " + label + " changed after the ingredient was added (hash mismatch)");
            }
            CBORObject claimSignature = value.get("claimSignature");
            if (claimSignature != null) {
                HashedUri signatureUri = HashedUri.fromCbor(claimSignature);
                Optional<JumbfSuperBox> signatureBox = manifest.get().child(ManifestStore.SIGNATURE_LABEL);
                if (signatureBox.isEmpty() || !signatureUri.matches(signatureBox.get())) {
                    problems.add("ingredient manifest " + label + "'s claim signature does not match its claimSignature hash");
                    hashMatches = false;
                }
            }
            ManifestStore store = ManifestStore.readManifest(manifest.get());
            ManifestCheck check = check(store, ClaimV2.fromCbor(store.claim()), trustAnchors, now);
            problems.addAll(check.problems());
            return new IngredientResult(assertion.label(), title, relationship, manifestLabel, true, hashMatches,
                    check.signatureValid(), Optional.of(check.signer()), check.trusted(), check.assertionsIntact(), problems);
        } catch (MalformedManifestException | RuntimeException e) {
            problems.add("ingredient " + assertion.label() + " cannot be checked: " + e.getMessage());
            Optional<String> named = manifestLabel;
            boolean present = named.isPresent() && manifests.stream().anyMatch(box -> box.label().equals(named.get()));
            return new IngredientResult(assertion.label(), title, relationship, manifestLabel, present, false, false,
                    Optional.empty(), false, false, problems);
        }
    }

    private static String text(CBORObject map, String key) {
        CBORObject value = map.get(key);
        return value != null && value.getType() == CBORType.TextString ? value.AsString() : "";
    }

    /**
     * Returns the picture without its C2PA manifest and XMP packet, every other byte unchanged.
     *
     * @throws InvalidImageException if {@code png} is not a well-formed PNG
     */
    public static byte[] strip(byte[] png) throws InvalidImageException {
        PngChunks chunks = PngChunks.parse(png);
        return chunks.without(chunk -> chunk.type().equals(PngChunks.MANIFEST_CHUNK) || chunks.isXmp(chunk));
    }
}
