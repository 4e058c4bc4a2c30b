package io.pinxit.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinxit.contracts.Sha256;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelLoaderTest {

    private static final String MODEL_ID = "emoji-dcgan";
    private static final ModelCatalog SHIPPED = ModelCatalog.fromClasspath();

    @Test
    void sameSeedGivesBitIdenticalPixels() {
        List<int[]> first = pixelsOf(generateWithFreshLoad(42L, 8));
        List<int[]> second = pixelsOf(generateWithFreshLoad(42L, 8));

        assertEquals(8, first.size());
        for (int i = 0; i < first.size(); i++) {
            assertArrayEquals(first.get(i), second.get(i), "image " + i);
        }
    }

    @Test
    void differentSeedsGiveDifferentImages() {
        List<int[]> one = pixelsOf(generateWithFreshLoad(1L, 4));
        List<int[]> other = pixelsOf(generateWithFreshLoad(2L, 4));

        for (int i = 0; i < one.size(); i++) {
            assertFalse(Arrays.equals(one.get(i), other.get(i)), "image " + i);
        }
    }

    @Test
    void anImageDoesNotDependOnHowManyWereRequested() {
        List<int[]> few = pixelsOf(generateWithFreshLoad(7L, 3));
        List<int[]> many = pixelsOf(generateWithFreshLoad(7L, 64));

        for (int i = 0; i < few.size(); i++) {
            assertArrayEquals(few.get(i), many.get(i), "image " + i);
        }
    }

    @Test
    void generatedImagesAreTheModelsOwnSizeAsRgbPng() throws IOException {
        GeneratedImage image = generateWithFreshLoad(3L, 1).get(0);
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(image.png()));

        assertEquals(0, image.index());
        assertEquals(32, image.width());
        assertEquals(32, image.height());
        assertEquals(32, decoded.getWidth());
        assertEquals(32, decoded.getHeight());
        assertEquals(3, decoded.getColorModel().getNumComponents());
        assertFalse(decoded.getColorModel().hasAlpha());
    }

    @Test
    void theShippedCardVouchesForTheShippedWeights() throws IOException {
        ModelCard card = shippedCard();
        byte[] weights;
        try (InputStream in = getClass().getClassLoader()
                .getResourceAsStream("pinxit/models/" + MODEL_ID + "/" + card.weightsFile())) {
            weights = in.readAllBytes();
        }

        assertEquals(card.weightsSha256(), Sha256.hex(weights));
    }

    @Test
    void tamperedWeightsAreRefusedWithAHashMismatch(@TempDir Path models) throws IOException {
        ModelCard card = shippedCard();
        Path modelDir = Files.createDirectories(models.resolve(MODEL_ID));
        copyResource(MODEL_ID + "/card.json", modelDir.resolve("card.json"));
        byte[] weights = copyResource(MODEL_ID + "/" + card.weightsFile(), modelDir.resolve(card.weightsFile()));
        weights[weights.length / 2] ^= 0x01;
        Files.write(modelDir.resolve(card.weightsFile()), weights);
        var tampered = ModelCatalog.fromDirectory(models);

        var refused = assertThrows(WeightHashMismatchException.class,
                () -> new ModelLoader(tampered).load(tampered.find(MODEL_ID).orElseThrow()));

        assertEquals(card.weightsSha256(), refused.expectedSha256());
        assertEquals(Sha256.hex(weights), refused.actualSha256());
        assertTrue(refused.getMessage().contains(card.weightsSha256()), refused.getMessage());
        assertTrue(refused.getMessage().contains(refused.actualSha256()), refused.getMessage());
    }

    @Test
    void aModelOfAnUnknownArchitectureIsNotLoaded() {
        ModelCard card = shippedCard();
        ModelCard unknown = new ModelCard(card.id(), card.version(), card.family(), card.format(), "dcgan-64",
                card.latentSize(), card.baseWidth(), 64, 64, card.weightsFile(), card.weightsSha256(),
                card.dataSources(), card.training(), card.intendedUse(), card.limitations());

        assertThrows(ModelLoadException.class, () -> new ModelLoader(SHIPPED).load(unknown));
    }

    private static ModelCard shippedCard() {
        return SHIPPED.find(MODEL_ID).orElseThrow();
    }

    private static List<GeneratedImage> generateWithFreshLoad(long seed, int count) {
        try (ImageGenerator generator = new ModelLoader(SHIPPED).load(shippedCard())) {
            return generator.generate(seed, count);
        }
    }

    private static List<int[]> pixelsOf(List<GeneratedImage> images) {
        return images.stream().map(ModelLoaderTest::pixelsOf).toList();
    }

    private static int[] pixelsOf(GeneratedImage image) {
        try {
            BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(image.png()));
            return decoded.getRGB(0, 0, decoded.getWidth(), decoded.getHeight(), null, 0, decoded.getWidth());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] copyResource(String relativePath, Path target) throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("pinxit/models/" + relativePath)) {
            byte[] bytes = in.readAllBytes();
            Files.write(target, bytes);
            return bytes;
        }
    }
}
