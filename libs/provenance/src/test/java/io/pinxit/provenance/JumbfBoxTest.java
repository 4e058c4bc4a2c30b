package io.pinxit.provenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JumbfBoxTest {

    @Test
    void c2paContentTypeUuidsAreTheirFourCharacterCodeFollowedByTheIsoSuffix() {
        assertThat(JumbfSuperBox.MANIFEST_STORE).isEqualTo(UUID.fromString("63327061-0011-0010-8000-00aa00389b71"));
        assertThat(JumbfSuperBox.MANIFEST).isEqualTo(UUID.fromString("63326d61-0011-0010-8000-00aa00389b71"));
        assertThat(JumbfSuperBox.ASSERTION_STORE).isEqualTo(UUID.fromString("63326173-0011-0010-8000-00aa00389b71"));
        assertThat(JumbfSuperBox.CLAIM).isEqualTo(UUID.fromString("6332636c-0011-0010-8000-00aa00389b71"));
        assertThat(JumbfSuperBox.SIGNATURE).isEqualTo(UUID.fromString("63326373-0011-0010-8000-00aa00389b71"));
        assertThat(JumbfSuperBox.CBOR_ASSERTION).isEqualTo(UUID.fromString("63626f72-0011-0010-8000-00aa00389b71"));
        assertThat(JumbfSuperBox.JSON_ASSERTION).isEqualTo(UUID.fromString("6a736f6e-0011-0010-8000-00aa00389b71"));
    }

    @Test
    void aSuperBoxIsAJumbBoxStartingWithADescriptionBoxOfUuidTogglesAndNullTerminatedLabel() {
        JumbfSuperBox box = new JumbfSuperBox(JumbfSuperBox.CLAIM, "c2pa.claim.v2",
                List.of(new JumbfContentBox("cbor", new byte[] {(byte) 0xa0})));

        ByteBuffer bytes = ByteBuffer.wrap(box.toBytes());

        int descriptionLength = 8 + 16 + 1 + "c2pa.claim.v2".length() + 1;
        assertThat(bytes.getInt()).isEqualTo(8 + descriptionLength + 9);
        assertThat(fourCc(bytes)).isEqualTo("jumb");
        assertThat(bytes.getInt()).isEqualTo(descriptionLength);
        assertThat(fourCc(bytes)).isEqualTo("jumd");
        assertThat(new UUID(bytes.getLong(), bytes.getLong())).isEqualTo(JumbfSuperBox.CLAIM);
        assertThat(bytes.get()).as("requestable, label present").isEqualTo((byte) 0x03);
        byte[] label = new byte["c2pa.claim.v2".length()];
        bytes.get(label);
        assertThat(new String(label, StandardCharsets.UTF_8)).isEqualTo("c2pa.claim.v2");
        assertThat(bytes.get()).isZero();
        assertThat(bytes.getInt()).isEqualTo(9);
        assertThat(fourCc(bytes)).isEqualTo("cbor");
        assertThat(bytes.get()).isEqualTo((byte) 0xa0);
        assertThat(bytes.hasRemaining()).isFalse();
    }

    @Test
    void parsingReturnsTheSameTreeAndKeepsTheBytesItWasReadFrom() throws Exception {
        JumbfSuperBox store = new JumbfSuperBox(JumbfSuperBox.MANIFEST_STORE, "c2pa", List.of(
                new JumbfSuperBox(JumbfSuperBox.MANIFEST, "urn:c2pa:0b9e3ab6-4bd4-4ed0-8b36-3f6d6e6e2a0b", List.of(
                        new JumbfSuperBox(JumbfSuperBox.ASSERTION_STORE, "c2pa.assertions", List.of()),
                        new JumbfSuperBox(JumbfSuperBox.SIGNATURE, "c2pa.signature",
                                List.of(new JumbfContentBox("cbor", new byte[] {1, 2, 3})))))));

        JumbfSuperBox parsed = JumbfParser.parseSuperBox(store.toBytes());

        assertThat(parsed).isEqualTo(store);
        assertThat(parsed.label()).isEqualTo("c2pa");
        JumbfSuperBox manifest = parsed.superBoxes().get(0);
        assertThat(manifest.label()).startsWith("urn:c2pa:");
        assertThat(manifest.child("c2pa.signature").flatMap(box -> box.content("cbor")).orElseThrow().payload())
                .containsExactly(1, 2, 3);
    }

    @Test
    void aBoxLongerThanItsContainerIsRejected() {
        byte[] bytes = new JumbfSuperBox(JumbfSuperBox.MANIFEST_STORE, "c2pa", List.of()).toBytes();
        bytes[3] += 1;

        assertThatThrownBy(() -> JumbfParser.parseSuperBox(bytes))
                .isInstanceOf(MalformedManifestException.class)
                .hasMessageContaining("outside its container");
    }

    @Test
    void aSuperBoxWithoutDescriptionBoxIsRejected() {
        byte[] bytes = HexFormat.of().parseHex("000000106a756d6200000008636f6e74");

        assertThatThrownBy(() -> JumbfParser.parseSuperBox(bytes))
                .isInstanceOf(MalformedManifestException.class)
                .hasMessageContaining("does not start with a description box");
    }

    @Test
    void everyTruncationOfAManifestStoreIsRejectedWithAReason() {
        byte[] bytes = new JumbfSuperBox(JumbfSuperBox.MANIFEST_STORE, "c2pa", List.of(
                new JumbfSuperBox(JumbfSuperBox.CLAIM, "c2pa.claim.v2", List.of(new JumbfContentBox("cbor", new byte[40])))))
                .toBytes();
        for (int length = 0; length < bytes.length; length++) {
            byte[] truncated = Arrays.copyOf(bytes, length);

            assertThatThrownBy(() -> JumbfParser.parseSuperBox(truncated))
                    .as("truncated to %d bytes", length)
                    .isInstanceOf(MalformedManifestException.class);
        }
    }

    private static String fourCc(ByteBuffer bytes) {
        byte[] type = new byte[4];
        bytes.get(type);
        return new String(type, StandardCharsets.ISO_8859_1);
    }
}
