package io.pinxit.provenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pinxit.provenance.ManifestContent.Action;
import io.pinxit.provenance.ManifestContent.Ingredient;
import io.pinxit.provenance.ManifestContent.Relationship;
import io.pinxit.provenance.PngChunks.Chunk;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class C2paPngRoundTripTest {

    private static final byte[] PICTURE = TestPictures.png(32, 32);
    private static final ManifestContent CONTENT = TestPictures.generatedPicture();
    private static final byte[] SIGNED = sign(PICTURE, CONTENT);

    private static byte[] sign(byte[] png, ManifestContent content) {
        try {
            return C2paPng.sign(png, content, SigningFixture.CREDENTIALS);
        } catch (InvalidImageException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aSignedPictureVerifiesAsValidAndTrustedWithItsCaAsTrustAnchor() {
        Verification verification = C2paPng.verify(SIGNED, List.of(SigningFixture.certificateAuthority()));

        assertThat(verification.problems()).isEmpty();
        assertThat(verification.valid()).isTrue();
        assertThat(verification.trusted()).isTrue();
        assertThat(verification.signer()).hasValueSatisfying(signer -> {
            assertThat(signer.organisation()).contains("Pinxit Test");
            assertThat(signer.subject()).contains("Pinxit picture signer");
        });
    }

    @Test
    void aSignedPictureReadsBackTheContentItWasSignedWith() {
        Verification verification = C2paPng.verify(SIGNED, List.of(SigningFixture.certificateAuthority()));

        assertThat(verification.content()).contains(CONTENT);
        assertThat(verification.assertions()).containsKeys(
                "c2pa.actions.v2", "c2pa.hash.data", "io.pinxit.generation", "cawg.metadata", "io.pinxit.credits");
        assertThat(verification.assertions().get("io.pinxit.generation"))
                .isEqualTo(Map.of("modelId", "dcgan-emoji", "modelVersion", "1.0.0",
                        "weightsSha256", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                        "parameters", Map.of("style", "twemoji", "steps", 2000L), "seed", 42L,
                        "jobId", "01HZX3J7Q2M4Y8V6T5R9K0N1BC"));
    }

    @Test
    void withoutTrustAnchorsASignedPictureIsValidButUntrusted() {
        Verification verification = C2paPng.verify(SIGNED, List.of());

        assertThat(verification.valid()).isTrue();
        assertThat(verification.trusted()).isFalse();
        assertThat(verification.problems()).containsExactly(
                "the signing certificate chain does not lead to a trusted certificate authority");
    }

    @Test
    void aPictureSignedByAnotherCaIsUntrusted() throws Exception {
        SigningCredentials stranger = LocalCertificateAuthority.createOrLoad(
                Files.createTempDirectory("stranger-ca"), "Stranger");
        byte[] signed = C2paPng.sign(PICTURE, CONTENT, stranger);

        Verification verification = C2paPng.verify(signed, List.of(SigningFixture.certificateAuthority()));

        assertThat(verification.valid()).isTrue();
        assertThat(verification.trusted()).isFalse();
    }

    @Test
    void signingLeavesEveryPixelAndTheImageDataChunksUnchanged() throws Exception {
        assertThat(TestPictures.pixels(SIGNED)).isEqualTo(TestPictures.pixels(PICTURE));
        assertThat(imageData(SIGNED)).isEqualTo(imageData(PICTURE)).isNotEmpty();
    }

    @Test
    void signingPutsTheManifestRightAfterTheHeaderAndAddsAnXmpPacketWithTheDigitalSourceType() throws Exception {
        PngChunks chunks = PngChunks.parse(SIGNED);

        assertThat(chunks.chunks().get(1).type()).isEqualTo("caBX");
        Chunk xmp = chunks.chunks().stream().filter(chunks::isXmp).findFirst().orElseThrow();
        assertThat(chunks.chunks().indexOf(xmp)).isLessThan(chunks.chunks().indexOf(chunks.first("IDAT").orElseThrow()));
        assertThat(new String(chunks.data(xmp), StandardCharsets.UTF_8))
                .contains("Iptc4xmpExt:DigitalSourceType=\"" + ManifestContent.TRAINED_ALGORITHMIC_MEDIA + "\"")
                .contains("<rdf:li xml:lang=\"x-default\">Smiling sun</rdf:li>")
                .contains("<rdf:li>Ada Lovelace</rdf:li>")
                .contains("CC-BY-4.0");
    }

    @Test
    void changingOnePixelBreaksTheHardBinding() throws Exception {
        BufferedImage image = TestPictures.decode(SIGNED);
        image.setRGB(5, 7, image.getRGB(5, 7) ^ 0x00010000);
        byte[] tampered = withImageDataOf(SIGNED, TestPictures.encode(image));

        Verification verification = C2paPng.verify(tampered, List.of(SigningFixture.certificateAuthority()));

        assertThat(verification.signatureValid()).isTrue();
        assertThat(verification.hardBindingValid()).isFalse();
        assertThat(verification.valid()).isFalse();
        assertThat(verification.problems()).containsExactly(
                "hard binding mismatch: the picture's bytes changed after signing");
    }

    @Test
    void aStrippedPictureHasNoManifestNoXmpAndTheOriginalPixels() throws Exception {
        byte[] stripped = C2paPng.strip(SIGNED);

        Verification verification = C2paPng.verify(stripped, List.of(SigningFixture.certificateAuthority()));

        assertThat(verification.manifestPresent()).isFalse();
        assertThat(verification.problems()).containsExactly("the picture carries no C2PA manifest (no caBX chunk)");
        PngChunks chunks = PngChunks.parse(stripped);
        assertThat(chunks.chunks()).noneMatch(chunks::isXmp);
        assertThat(stripped).isEqualTo(PICTURE);
    }

    @Test
    void resigningASignedPictureReplacesItsManifest() throws Exception {
        byte[] resigned = C2paPng.sign(SIGNED, CONTENT, SigningFixture.CREDENTIALS);

        PngChunks chunks = PngChunks.parse(resigned);
        assertThat(chunks.chunks()).filteredOn(chunk -> chunk.type().equals("caBX")).hasSize(1);
        assertThat(C2paPng.verify(resigned, List.of(SigningFixture.certificateAuthority())).problems()).isEmpty();
    }

    @Test
    void aDerivedPictureNamesItsParentAsIngredientOfTheOpenedAction() {
        ManifestContent derived = new ManifestContent("Sun, restyled", CONTENT.author(), CONTENT.licence(),
                ManifestContent.COMPOSITE_WITH_TRAINED_ALGORITHMIC_MEDIA, CONTENT.generator(),
                List.of(Action.opened(0), Action.edited()),
                List.of(Ingredient.ofParent("Smiling sun", "image/png", SIGNED, Relationship.PARENT_OF)),
                Map.of("modelId", "style-transfer"), List.of());

        Verification verification = C2paPng.verify(sign(SIGNED, derived), List.of(SigningFixture.certificateAuthority()));

        assertThat(verification.problems()).isEmpty();
        assertThat(verification.content()).contains(derived);
        assertThat(derived.ingredients().get(0).instanceId()).startsWith("sha256:").hasSize(7 + 64);
    }

    @Test
    void garbageIsReportedAsNotAPng() {
        Verification verification = C2paPng.verify("hello, world".getBytes(StandardCharsets.US_ASCII), List.of());

        assertThat(verification.manifestPresent()).isFalse();
        assertThat(verification.problems()).containsExactly("not a PNG file: the 8-byte PNG signature is missing");
    }

    @Test
    void signingSomethingThatIsNotAPngIsRefusedWithACheckedException() {
        assertThatThrownBy(() -> C2paPng.sign(new byte[] {1, 2, 3}, CONTENT, SigningFixture.CREDENTIALS))
                .isInstanceOf(InvalidImageException.class)
                .hasMessageContaining("PNG signature");
    }

    @Test
    void everyTruncationOfASignedPictureIsReportedWithoutAnException() {
        for (int length = 0; length < SIGNED.length; length += 7) {
            Verification verification = C2paPng.verify(Arrays.copyOf(SIGNED, length), List.of());

            assertThat(verification.valid()).as("truncated to %d bytes", length).isFalse();
            assertThat(verification.problems()).as("truncated to %d bytes", length).isNotEmpty();
        }
    }

    @Test
    void aCorruptedManifestChunkIsReportedAsAWrongCrc() throws Exception {
        byte[] corrupted = SIGNED.clone();
        Chunk manifest = PngChunks.parse(SIGNED).first("caBX").orElseThrow();
        corrupted[manifest.dataStart() + 100] ^= 0x5a;

        Verification verification = C2paPng.verify(corrupted, List.of());

        assertThat(verification.valid()).isFalse();
        assertThat(verification.problems()).containsExactly(
                "corrupt PNG: chunk caBX at offset 33 has a wrong CRC");
    }

    @Test
    void everySingleByteCorruptionOfTheManifestWithAFixedCrcIsReportedWithoutAnException() throws Exception {
        PngChunks chunks = PngChunks.parse(SIGNED);
        Chunk manifest = chunks.first("caBX").orElseThrow();
        byte[] store = chunks.data(manifest);
        for (int position = 0; position < store.length; position += 3) {
            byte[] broken = store.clone();
            broken[position] ^= (byte) 0xff;
            byte[] file = replaceChunk(SIGNED, manifest, PngChunks.encode("caBX", broken));

            Verification verification = C2paPng.verify(file, List.of(SigningFixture.certificateAuthority()));

            assertThat(verification.valid() && verification.content().isPresent()
                    && verification.content().get().equals(CONTENT))
                    .as("byte %d flipped: %s", position, verification.problems())
                    .isEqualTo(verification.problems().isEmpty());
        }
    }

    @Test
    void brokenJumbfIsReportedAsAnUnreadableManifest() throws Exception {
        PngChunks chunks = PngChunks.parse(SIGNED);
        Chunk manifest = chunks.first("caBX").orElseThrow();
        byte[] store = chunks.data(manifest);
        store[0] = 0x7f; // the outer box now claims to be far longer than the chunk
        byte[] file = replaceChunk(SIGNED, manifest, PngChunks.encode("caBX", store));

        Verification verification = C2paPng.verify(file, List.of());

        assertThat(verification.manifestPresent()).isTrue();
        assertThat(verification.problems()).singleElement().asString()
                .startsWith("the manifest cannot be read: JUMBF box 'jumb' at offset 0 declares length");
    }

    /** The IDAT chunks' data, hex-encoded so that assertions compare contents. */
    private static List<String> imageData(byte[] png) throws InvalidImageException {
        PngChunks chunks = PngChunks.parse(png);
        return chunks.chunks().stream().filter(c -> c.type().equals("IDAT"))
                .map(c -> HexFormat.of().formatHex(chunks.data(c))).toList();
    }

    /** The signed file with its IDAT chunks swapped for those of {@code reencoded}, every other chunk kept. */
    private static byte[] withImageDataOf(byte[] signed, byte[] reencoded) throws InvalidImageException {
        PngChunks target = PngChunks.parse(signed);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(PngChunks.SIGNATURE);
        boolean written = false;
        for (Chunk chunk : target.chunks()) {
            if (!chunk.type().equals("IDAT")) {
                out.write(signed, chunk.start(), chunk.totalLength());
            } else if (!written) {
                imageData(reencoded).forEach(data -> out.writeBytes(PngChunks.encode("IDAT", HexFormat.of().parseHex(data))));
                written = true;
            }
        }
        return out.toByteArray();
    }

    private static byte[] replaceChunk(byte[] file, Chunk chunk, byte[] replacement) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(file, 0, chunk.start());
        out.writeBytes(replacement);
        out.write(file, chunk.end(), file.length - chunk.end());
        return out.toByteArray();
    }
}
