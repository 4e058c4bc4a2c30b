package io.pinxit.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pinxit.provenance.ManifestContent.Action;
import io.pinxit.provenance.ManifestContent.Ingredient;
import io.pinxit.provenance.ManifestContent.Relationship;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reads Pinxit's pictures with the C2PA reference reader, c2pa-rs compiled to WebAssembly
 * ({@code @contentauth/c2pa-wasm}, pinned in src/test/node), run by Node. Needs {@code node} and {@code npm} on the
 * PATH and fails, rather than skips, without them; npm installs the locked package into target/ once.
 */
class OfficialReaderConformanceTest {

    private static final Path SOURCES = Path.of("src", "test", "node");
    private static final Path READER = Path.of("target", "c2pa-reader");
    private static final List<String> FILES = List.of("package.json", "package-lock.json", "read-manifest.mjs");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ManifestContent CONTENT = TestPictures.generatedPicture();

    @BeforeAll
    static void installTheReader() throws Exception {
        Files.createDirectories(READER);
        boolean lockChanged = !Files.exists(READER.resolve("package-lock.json"))
                || Files.mismatch(SOURCES.resolve("package-lock.json"), READER.resolve("package-lock.json")) >= 0;
        for (String file : FILES) {
            Files.copy(SOURCES.resolve(file), READER.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        if (lockChanged || !Files.exists(READER.resolve("node_modules/@contentauth/c2pa-wasm/package.json"))) {
            run(List.of("npm", "ci", "--no-audit", "--no-fund"), 300);
        }
    }

    @Test
    void aGeneratedPictureHasNoValidationErrorBeyondTheUntrustedTestSigner() throws Exception {
        JsonNode report = read(sign(TestPictures.png(32, 32), CONTENT), Optional.empty());

        assertThat(report.path("state").asText()).isEqualTo("Valid");
        assertThat(codes(report.path("failures"))).containsExactly("signingCredential.untrusted");
        assertThat(codes(report.path("successes")))
                .contains("claimSignature.validated", "claimSignature.insideValidity", "assertion.dataHash.match")
                .doesNotContain("assertion.hashedURI.mismatch");
        assertThat(report.path("claimVersion").asInt()).isEqualTo(2);
    }

    @Test
    void theReaderSeesTheCreatedActionItsDigitalSourceTypeAndTheGenerationAssertion() throws Exception {
        JsonNode report = read(sign(TestPictures.png(32, 32), CONTENT), Optional.empty());

        JsonNode action = report.path("assertions").path("c2pa.actions.v2").path("actions").path(0);
        assertThat(action.path("action").asText()).isEqualTo("c2pa.created");
        assertThat(action.path("digitalSourceType").asText()).isEqualTo(ManifestContent.TRAINED_ALGORITHMIC_MEDIA);
        JsonNode generation = report.path("assertions").path("io.pinxit.generation");
        assertThat(generation.path("modelId").asText()).isEqualTo("dcgan-emoji");
        assertThat(generation.path("seed").asLong()).isEqualTo(42L);
        assertThat(generation.path("parameters").path("steps").asLong()).isEqualTo(2000L);
        assertThat(report.path("signer").path("issuer").asText()).isEqualTo("Pinxit Test");
    }

    @Test
    void withTheLocalCaAsTrustAnchorTheReaderTrustsTheSigner() throws Exception {
        Path anchors = Files.createTempFile("trust-anchors", ".pem");
        try (JcaPEMWriter writer = new JcaPEMWriter(Files.newBufferedWriter(anchors, StandardCharsets.US_ASCII))) {
            writer.writeObject(SigningFixture.certificateAuthority());
        }

        JsonNode report = read(sign(TestPictures.png(32, 32), CONTENT), Optional.of(anchors));

        assertThat(report.path("state").asText()).isEqualTo("Trusted");
        assertThat(codes(report.path("failures"))).isEmpty();
        assertThat(codes(report.path("successes"))).contains("signingCredential.trusted");
    }

    @Test
    void aDerivedPictureWithAParentIngredientHasNoValidationErrorBeyondTheUntrustedTestSigner() throws Exception {
        byte[] parent = sign(TestPictures.png(32, 32), CONTENT);
        ManifestContent derived = new ManifestContent("Sun, restyled", CONTENT.author(), CONTENT.licence(),
                ManifestContent.COMPOSITE_WITH_TRAINED_ALGORITHMIC_MEDIA, CONTENT.generator(),
                List.of(Action.opened(0), Action.edited()),
                List.of(Ingredient.ofParent("Smiling sun", "image/png", parent, Relationship.PARENT_OF)),
                Map.of("modelId", "style-transfer"), List.of());

        JsonNode report = read(sign(parent, derived), Optional.empty());

        assertThat(report.path("state").asText()).isEqualTo("Valid");
        assertThat(codes(report.path("failures"))).containsExactly("signingCredential.untrusted");
        assertThat(report.path("assertions").path("c2pa.actions.v2").path("actions").path(0).path("action").asText())
                .isEqualTo("c2pa.opened");
    }

    @Test
    void aDerivedPictureEmbedsItsSignedParentsManifestAndTheReaderValidatesIt() throws Exception {
        byte[] parent = sign(TestPictures.png(32, 32), CONTENT);
        String parentLabel = ManifestStore.read(JumbfParser.parseSuperBox(manifestStore(parent))).manifestLabel();
        Ingredient ingredient = Ingredient.fromFile("Smiling sun", parent, Relationship.PARENT_OF);

        JsonNode report = read(sign(parent, derivedFrom(ingredient)), Optional.empty());

        assertThat(report.path("state").asText()).isEqualTo("Valid");
        assertThat(codes(report.path("failures"))).containsExactly("signingCredential.untrusted");
        assertThat(codes(report.path("successes"))).contains("claimSignature.validated", "assertion.dataHash.match");
        assertThat(report.path("manifestLabels")).hasSize(2);
        assertThat(codes(report.path("manifestLabels"))).contains(parentLabel, report.path("activeManifest").asText());
        JsonNode listed = report.path("ingredients").path(0);
        assertThat(listed.path("title").asText()).isEqualTo("Smiling sun");
        assertThat(listed.path("relationship").asText()).isEqualTo("parentOf");
        assertThat(listed.path("activeManifest").asText()).isEqualTo(parentLabel);
        assertThat(listed.path("validationResults").path("activeManifest").path("success").findValuesAsText("code"))
                .contains("claimSignature.validated", "assertion.dataHash.match");
        // The reader re-validates the embedded manifest and reports the outcome as the ingredient's deltas.
        JsonNode deltas = report.path("ingredientDeltas");
        assertThat(deltas).hasSize(1);
        assertThat(deltas.path(0).path("ingredientAssertionURI").asText()).endsWith("/c2pa.ingredient.v3");
        assertThat(deltas.path(0).path("validationDeltas").path("success").findValuesAsText("code"))
                .contains("ingredient.manifest.validated", "assertion.hashedURI.match")
                .doesNotContain("ingredient.manifest.mismatch");
        assertThat(codes(deltas.path(0).path("validationDeltas").path("failure")))
                .allMatch("signingCredential.untrusted"::equals);
    }

    @Test
    void aStyleTransferOfTwoSignedArtworksAndAGrandchildReadWithoutIngredientFailures() throws Exception {
        byte[] sun = sign(TestPictures.png(32, 32), CONTENT);
        byte[] style = sign(TestPictures.png(16, 16), CONTENT);
        ManifestContent transfer = new ManifestContent("Sun in style", CONTENT.author(), CONTENT.licence(),
                ManifestContent.COMPOSITE_WITH_TRAINED_ALGORITHMIC_MEDIA, CONTENT.generator(),
                List.of(Action.opened(0), Action.placed(1), Action.edited()),
                List.of(Ingredient.fromFile("Smiling sun", sun, Relationship.PARENT_OF),
                        Ingredient.fromFile("Style", style, Relationship.COMPONENT_OF)),
                Map.of("modelId", "style-transfer"), List.of());
        byte[] child = sign(sun, transfer);
        byte[] grandchild = sign(child, derivedFrom(Ingredient.fromFile("Sun in style", child, Relationship.PARENT_OF)));

        // The grandchild's store holds both artworks' manifests, the child's, then its own.
        for (Map.Entry<byte[], Integer> picture : List.of(Map.entry(child, 3), Map.entry(grandchild, 4))) {
            JsonNode report = read(picture.getKey(), Optional.empty());
            assertThat(report.path("state").asText()).isEqualTo("Valid");
            assertThat(codes(report.path("failures"))).containsExactly("signingCredential.untrusted");
            assertThat(report.path("manifestLabels")).hasSize(picture.getValue());
            report.path("ingredientDeltas").forEach(delta -> {
                assertThat(delta.path("validationDeltas").path("success").findValuesAsText("code"))
                        .contains("ingredient.manifest.validated");
                assertThat(codes(delta.path("validationDeltas").path("failure")))
                        .allMatch("signingCredential.untrusted"::equals);
            });
        }
        JsonNode childReport = read(child, Optional.empty());
        List<String> ingredientManifests = new ArrayList<>();
        childReport.path("ingredients").forEach(ingredient -> ingredientManifests.add(ingredient.path("activeManifest").asText()));
        assertThat(ingredientManifests).hasSize(2).doesNotHaveDuplicates().allMatch(label -> label.startsWith("urn:c2pa:"));
        assertThat(childReport.path("ingredientDeltas")).hasSize(2);
    }

    @Test
    void aPictureDerivedFromAnUnsignedParentStillValidates() throws Exception {
        byte[] parent = TestPictures.png(32, 32);
        Ingredient ingredient = Ingredient.fromFile("Plain sun", parent, Relationship.PARENT_OF);

        JsonNode report = read(sign(parent, derivedFrom(ingredient)), Optional.empty());

        assertThat(ingredient.manifest()).isEmpty();
        assertThat(report.path("state").asText()).isEqualTo("Valid");
        assertThat(codes(report.path("failures"))).containsExactly("signingCredential.untrusted");
        assertThat(report.path("manifestLabels")).hasSize(1);
        assertThat(report.path("ingredients").path(0).path("title").asText()).isEqualTo("Plain sun");
    }

    private static ManifestContent derivedFrom(Ingredient ingredient) {
        return new ManifestContent("Sun, upscaled", CONTENT.author(), CONTENT.licence(),
                ManifestContent.COMPOSITE_WITH_TRAINED_ALGORITHMIC_MEDIA, CONTENT.generator(),
                List.of(Action.opened(0), Action.edited()), List.of(ingredient),
                Map.of("modelId", "upscaler"), List.of());
    }

    private static byte[] manifestStore(byte[] png) throws InvalidImageException {
        PngChunks chunks = PngChunks.parse(png);
        return chunks.data(chunks.first(PngChunks.MANIFEST_CHUNK).orElseThrow());
    }

    @Test
    void theReaderAgreesThatAPictureWithChangedBytesNoLongerMatchesItsHardBinding() throws Exception {
        byte[] signed = sign(TestPictures.png(32, 32), CONTENT);
        int lastByteOfImageData = PngChunks.parse(signed).first("IDAT").orElseThrow().end() - 5;
        byte[] tampered = signed.clone();
        tampered[lastByteOfImageData] ^= 0x01;
        byte[] rechecksummed = recomputeCrcs(tampered);

        JsonNode report = read(rechecksummed, Optional.empty());

        assertThat(codes(report.path("failures"))).contains("assertion.dataHash.mismatch");
        assertThat(C2paPng.verify(rechecksummed, List.of()).hardBindingValid()).isFalse();
    }

    private static byte[] sign(byte[] png, ManifestContent content) throws InvalidImageException {
        return C2paPng.sign(png, content, SigningFixture.CREDENTIALS);
    }

    /** Rewrites every chunk with a fresh CRC so only the hard binding, not the PNG parser, can notice a change. */
    private static byte[] recomputeCrcs(byte[] file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(PngChunks.SIGNATURE);
        int offset = PngChunks.SIGNATURE.length;
        while (offset < file.length) {
            int length = ByteBuffer.wrap(file, offset, 4).getInt();
            String type = new String(file, offset + 4, 4, StandardCharsets.ISO_8859_1);
            out.writeBytes(PngChunks.encode(type, Arrays.copyOfRange(file, offset + 8, offset + 8 + length)));
            offset += length + PngChunks.CHUNK_OVERHEAD;
        }
        return out.toByteArray();
    }

    private static JsonNode read(byte[] picture, Optional<Path> trustAnchors) throws Exception {
        Path file = Files.createTempFile("signed", ".png");
        Files.write(file, picture);
        List<String> command = new ArrayList<>(List.of("node", "read-manifest.mjs", file.toAbsolutePath().toString()));
        trustAnchors.ifPresent(anchors -> command.add(anchors.toAbsolutePath().toString()));
        String output = run(command, 120);
        return JSON.readTree(output.lines().reduce((first, second) -> second).orElse("{}"));
    }

    private static String run(List<String> command, long timeoutSeconds) throws IOException, InterruptedException {
        Path log = Files.createTempFile("c2pa-reader", ".log");
        Process process = new ProcessBuilder(command)
                .directory(READER.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish within " + timeoutSeconds + " s");
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " exited with " + process.exitValue() + ":\n" + output);
        }
        return output;
    }

    private static List<String> codes(JsonNode array) {
        List<String> codes = new ArrayList<>();
        array.forEach(code -> codes.add(code.asText()));
        return codes;
    }
}
