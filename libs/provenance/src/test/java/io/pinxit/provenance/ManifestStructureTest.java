package io.pinxit.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import com.upokecenter.cbor.CBORObject;
import io.pinxit.provenance.PngChunks.Chunk;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ManifestStructureTest {

    private static final byte[] PICTURE = TestPictures.png(16, 16);

    private static byte[] signed() throws InvalidImageException {
        return C2paPng.sign(PICTURE, TestPictures.generatedPicture(), SigningFixture.CREDENTIALS);
    }

    @Test
    void theHardBindingExcludesExactlyTheWholeCaBxChunkIncludingLengthTypeAndCrc() throws Exception {
        byte[] file = signed();
        Chunk manifest = PngChunks.parse(file).first("caBX").orElseThrow();
        ManifestStore store = ManifestStore.read(JumbfParser.parseSuperBox(PngChunks.parse(file).data(manifest)));

        HardBinding binding = HardBinding.fromCbor(store.assertions().stream()
                .filter(a -> a.label().equals("c2pa.hash.data")).findFirst().orElseThrow().cborValue());

        assertThat(binding.exclusions()).containsExactly(new HardBinding.Exclusion(33, manifest.totalLength()));
        assertThat(ByteBuffer.wrap(file, 33, 4).getInt()).isEqualTo(manifest.dataLength());
        assertThat(new String(file, 37, 4, StandardCharsets.ISO_8859_1)).isEqualTo("caBX");
        assertThat(binding.hash()).isEqualTo(HardBinding.sha256(PngChunks.parse(file)
                .without(chunk -> chunk.type().equals("caBX"))));
        assertThat(binding.mismatch(file)).isEmpty();
    }

    @Test
    void theStoreHoldsOneManifestWithAssertionStoreClaimV2AndSignatureInThatOrder() throws Exception {
        JumbfSuperBox store = JumbfParser.parseSuperBox(PngChunks.parse(signed()).data(
                PngChunks.parse(signed()).first("caBX").orElseThrow()));

        assertThat(store.contentType()).isEqualTo(JumbfSuperBox.MANIFEST_STORE);
        assertThat(store.label()).isEqualTo("c2pa");
        JumbfSuperBox manifest = store.superBoxes().get(0);
        assertThat(manifest.contentType()).isEqualTo(JumbfSuperBox.MANIFEST);
        assertThat(manifest.label()).matches("urn:c2pa:[0-9a-f-]{36}");
        assertThat(manifest.superBoxes()).extracting(JumbfSuperBox::label)
                .containsExactly("c2pa.assertions", "c2pa.claim.v2", "c2pa.signature");
        assertThat(manifest.superBoxes()).extracting(JumbfSuperBox::contentType)
                .containsExactly(JumbfSuperBox.ASSERTION_STORE, JumbfSuperBox.CLAIM, JumbfSuperBox.SIGNATURE);
        assertThat(manifest.child("c2pa.assertions").orElseThrow().superBoxes()).extracting(JumbfSuperBox::label)
                .containsExactly("c2pa.actions.v2", "cawg.metadata", "io.pinxit.generation", "io.pinxit.credits",
                        "c2pa.hash.data");
    }

    @Test
    void theClaimIsAV2ClaimWhoseCreatedAssertionsHashTheirBoxes() throws Exception {
        byte[] file = signed();
        ManifestStore store = ManifestStore.read(JumbfParser.parseSuperBox(
                PngChunks.parse(file).data(PngChunks.parse(file).first("caBX").orElseThrow())));

        CBORObject claim = CBORObject.DecodeFromBytes(store.claim());
        assertThat(claim.getKeys()).extracting(CBORObject::AsString).containsExactlyInAnyOrder(
                "instanceID", "claim_generator_info", "signature", "created_assertions", "alg", "dc:title");
        assertThat(claim.get("claim_generator_info").get("name").AsString()).isEqualTo("Pinxit");
        assertThat(claim.get("signature").AsString())
                .isEqualTo("self#jumbf=/c2pa/" + store.manifestLabel() + "/c2pa.signature");
        assertThat(claim.get("alg").AsString()).isEqualTo("sha256");
        ClaimV2 parsed = ClaimV2.fromCbor(store.claim());
        assertThat(parsed.createdAssertions()).hasSize(store.assertions().size());
        for (HashedUri uri : parsed.createdAssertions()) {
            assertThat(uri.url()).startsWith("self#jumbf=/c2pa/" + store.manifestLabel() + "/c2pa.assertions/");
            assertThat(uri.matches(store.resolve(uri.url()).orElseThrow().box())).as(uri.url()).isTrue();
        }
    }

    @Test
    void theActionsSayCreatedByTrainedAlgorithmicMediaWithThePinxitSoftwareAgent() throws Exception {
        byte[] file = signed();
        ManifestStore store = ManifestStore.read(JumbfParser.parseSuperBox(
                PngChunks.parse(file).data(PngChunks.parse(file).first("caBX").orElseThrow())));

        CBORObject action = store.assertions().get(0).cborValue().get("actions").get(0);
        assertThat(action.get("action").AsString()).isEqualTo("c2pa.created");
        assertThat(action.get("digitalSourceType").AsString()).isEqualTo(ManifestContent.TRAINED_ALGORITHMIC_MEDIA);
        assertThat(action.get("softwareAgent").get("name").AsString()).isEqualTo("Pinxit");
    }
}
