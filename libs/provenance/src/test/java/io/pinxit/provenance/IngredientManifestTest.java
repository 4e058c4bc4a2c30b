package io.pinxit.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import com.upokecenter.cbor.CBORObject;
import io.pinxit.provenance.IngredientManifest.StatusCode;
import io.pinxit.provenance.ManifestContent.Action;
import io.pinxit.provenance.ManifestContent.Ingredient;
import io.pinxit.provenance.ManifestContent.Relationship;
import io.pinxit.provenance.Verification.IngredientResult;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Derived pictures embed their ingredients' manifests (C2PA 2.x §11.1.1, c2pa.ingredient.v3 of §18.8). */
class IngredientManifestTest {

    private static final ManifestContent CONTENT = TestPictures.generatedPicture();
    private static final byte[] PARENT = sign(TestPictures.png(32, 32), CONTENT);

    private static byte[] sign(byte[] png, ManifestContent content) {
        try {
            return C2paPng.sign(png, content, SigningFixture.CREDENTIALS);
        } catch (InvalidImageException e) {
            throw new AssertionError(e);
        }
    }

    private static ManifestContent derivedFrom(List<Ingredient> ingredients, List<Action> actions) {
        return new ManifestContent("Sun, restyled", CONTENT.author(), CONTENT.licence(),
                ManifestContent.COMPOSITE_WITH_TRAINED_ALGORITHMIC_MEDIA, CONTENT.generator(), actions, ingredients,
                Map.of("modelId", "style-transfer"), List.of());
    }

    private static ManifestContent childOf(Ingredient parent) {
        return derivedFrom(List.of(parent), List.of(Action.opened(0), Action.edited()));
    }

    private static Ingredient ingredient(String title, byte[] png) throws InvalidImageException {
        return Ingredient.fromFile(title, png, Relationship.PARENT_OF);
    }

    private static JumbfSuperBox store(byte[] png) throws Exception {
        PngChunks chunks = PngChunks.parse(png);
        return JumbfParser.parseSuperBox(chunks.data(chunks.first(PngChunks.MANIFEST_CHUNK).orElseThrow()));
    }

    private static CBORObject assertion(ManifestStore manifest, String label) throws MalformedManifestException {
        return manifest.assertions().stream().filter(a -> a.label().equals(label)).findFirst().orElseThrow().cborValue();
    }

    @Test
    void anIngredientMadeFromASignedFileKeepsItsActiveManifestAndHowItValidated() throws Exception {
        Ingredient ingredient = ingredient("Smiling sun", PARENT);

        JumbfSuperBox parentManifest = ManifestStore.manifests(store(PARENT)).get(0);
        assertThat(ingredient.format()).isEqualTo("image/png");
        assertThat(ingredient.instanceId()).isEqualTo(Ingredient.ofParent("x", "image/png", PARENT,
                Relationship.PARENT_OF).instanceId());
        IngredientManifest manifest = ingredient.manifest().orElseThrow();
        assertThat(manifest.label()).isEqualTo(parentManifest.label()).startsWith("urn:c2pa:");
        assertThat(manifest.manifests()).containsExactly(parentManifest);
        assertThat(manifest.validationResults().success()).extracting(StatusCode::code)
                .contains("claimSignature.validated", "assertion.dataHash.match");
        assertThat(manifest.validationResults().failure()).extracting(StatusCode::code)
                .containsExactly("signingCredential.untrusted");
    }

    @Test
    void theChildsStoreHoldsTheParentsManifestVerbatimBeforeItsOwnAndTheIngredientPointsAtIt() throws Exception {
        byte[] child = sign(PARENT, childOf(ingredient("Smiling sun", PARENT)));

        List<JumbfSuperBox> manifests = ManifestStore.manifests(store(child));
        JumbfSuperBox parentManifest = ManifestStore.manifests(store(PARENT)).get(0);
        assertThat(manifests).hasSize(2);
        assertThat(manifests.get(0).toBytes()).isEqualTo(parentManifest.toBytes());
        ManifestStore active = ManifestStore.read(store(child));
        assertThat(active.manifestLabel()).isEqualTo(manifests.get(1).label()).isNotEqualTo(parentManifest.label());

        CBORObject ingredient = assertion(active, "c2pa.ingredient.v3");
        HashedUri activeManifest = HashedUri.fromCbor(ingredient.get("activeManifest"));
        assertThat(activeManifest.url()).isEqualTo("self#jumbf=/c2pa/" + parentManifest.label());
        assertThat(activeManifest.hash()).isEqualTo(HardBinding.sha256(parentManifest.payload()));
        HashedUri claimSignature = HashedUri.fromCbor(ingredient.get("claimSignature"));
        assertThat(claimSignature.url()).isEqualTo("self#jumbf=/c2pa/" + parentManifest.label() + "/c2pa.signature");
        assertThat(claimSignature.matches(parentManifest.child("c2pa.signature").orElseThrow())).isTrue();
        assertThat(ingredient.get("dc:format").AsString()).isEqualTo("image/png");
        assertThat(ingredient.get("relationship").AsString()).isEqualTo("parentOf");
        assertThat(ingredient.get("instanceID").AsString()).startsWith("sha256:");
        assertThat(ingredient.get("validationResults").get("activeManifest").get("success").size()).isPositive();
    }

    @Test
    void signParentThenChildThenVerifyTheChildAndItsIngredientsManifest() throws Exception {
        ManifestContent derived = childOf(ingredient("Smiling sun", PARENT));
        byte[] child = sign(PARENT, derived);

        Verification verification = C2paPng.verify(child, List.of(SigningFixture.certificateAuthority()));

        assertThat(verification.problems()).isEmpty();
        assertThat(verification.valid()).isTrue();
        assertThat(verification.hardBindingValid()).isTrue();
        assertThat(verification.content()).contains(derived);
        assertThat(verification.ingredients()).hasSize(1);
        IngredientResult result = verification.ingredients().get(0);
        assertThat(result.valid()).isTrue();
        assertThat(result.trusted()).isTrue();
        assertThat(result.title()).isEqualTo("Smiling sun");
        assertThat(result.relationship()).contains(Relationship.PARENT_OF);
        assertThat(result.manifestLabel()).contains(ManifestStore.read(store(PARENT)).manifestLabel());
        assertThat(result.signer()).isPresent();
        assertThat(verification.ingredientsValid()).isTrue();
    }

    @Test
    void aStyleTransferOfTwoSignedArtworksEmbedsBothManifests() throws Exception {
        byte[] other = sign(TestPictures.png(16, 16), CONTENT);
        ManifestContent derived = derivedFrom(List.of(ingredient("Smiling sun", PARENT), Ingredient.fromFile("Style",
                other, Relationship.COMPONENT_OF)), List.of(Action.opened(0), Action.placed(1), Action.edited()));

        byte[] child = sign(PARENT, derived);
        Verification verification = C2paPng.verify(child, List.of());

        assertThat(ManifestStore.manifests(store(child))).hasSize(3);
        assertThat(verification.valid()).isTrue();
        assertThat(verification.ingredients()).extracting(IngredientResult::assertionLabel)
                .containsExactly("c2pa.ingredient.v3", "c2pa.ingredient.v3__1");
        assertThat(verification.ingredients()).allMatch(IngredientResult::valid).noneMatch(IngredientResult::trusted);
        assertThat(verification.content()).contains(derived);
    }

    @Test
    void aGrandchildCarriesTheWholeChainOfManifests() throws Exception {
        byte[] child = sign(PARENT, childOf(ingredient("Smiling sun", PARENT)));
        byte[] grandchild = sign(child, childOf(ingredient("Sun, restyled", child)));

        List<JumbfSuperBox> manifests = ManifestStore.manifests(store(grandchild));
        List<JumbfSuperBox> childManifests = ManifestStore.manifests(store(child));
        assertThat(manifests).hasSize(3);
        assertThat(manifests.subList(0, 2)).containsExactlyElementsOf(childManifests);
        Verification verification = C2paPng.verify(grandchild, List.of());
        assertThat(verification.valid()).isTrue();
        assertThat(verification.ingredients()).singleElement().matches(IngredientResult::valid);
    }

    @Test
    void aChildOfAnUnsignedParentHasAPlainIngredientAndStillValidates() throws Exception {
        byte[] parent = TestPictures.png(32, 32);
        Ingredient ingredient = ingredient("Plain sun", parent);
        byte[] child = sign(parent, childOf(ingredient));

        Verification verification = C2paPng.verify(child, List.of());

        assertThat(ingredient.manifest()).isEmpty();
        assertThat(ManifestStore.manifests(store(child))).hasSize(1);
        assertThat(verification.valid()).isTrue();
        assertThat(verification.ingredients()).singleElement().satisfies(result -> {
            assertThat(result.hasManifest()).isFalse();
            assertThat(result.problems()).isEmpty();
        });
        assertThat(verification.ingredientsValid()).isTrue();
        CBORObject assertion = assertion(ManifestStore.read(store(child)), "c2pa.ingredient.v3");
        assertThat(assertion.ContainsKey("activeManifest")).isFalse();
        assertThat(assertion.ContainsKey("validationResults")).isFalse();
    }

    @Test
    void aChangedEmbeddedParentManifestIsReportedWhileTheChildStaysValid() throws Exception {
        byte[] child = sign(PARENT, childOf(ingredient("Smiling sun", PARENT)));
        PngChunks chunks = PngChunks.parse(child);
        byte[] storeBytes = chunks.data(chunks.first(PngChunks.MANIFEST_CHUNK).orElseThrow());
        byte[] parentSignature = ManifestStore.read(store(PARENT)).signature();
        int at = indexOf(storeBytes, parentSignature);
        assertThat(at).isPositive();
        storeBytes[at + parentSignature.length - 1] ^= 0x01;
        byte[] tampered = PngChunks.parse(chunks.without(chunk -> chunk.type().equals(PngChunks.MANIFEST_CHUNK)))
                .insertedAfterHeader(PngChunks.encode(PngChunks.MANIFEST_CHUNK, storeBytes));

        Verification verification = C2paPng.verify(tampered, List.of());

        assertThat(verification.valid()).isTrue();
        IngredientResult result = verification.ingredients().get(0);
        assertThat(result.valid()).isFalse();
        assertThat(result.manifestHashMatches()).isFalse();
        assertThat(result.signatureValid()).isFalse();
        assertThat(verification.ingredientsValid()).isFalse();
        assertThat(result.problems()).anyMatch(problem -> problem.contains("hash mismatch"));
    }

    @Test
    void theStructuralConstructorStillMakesAPlainIngredient() {
        Ingredient ingredient = new Ingredient("t", "image/png", "sha256:00", Relationship.INPUT_TO);

        assertThat(ingredient.manifest()).isEqualTo(Optional.empty());
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }
}
