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
    private static final String UPSCALER_ID = "esrgan-slim-x2";
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
    void everyShippedCardVouchesForEveryFileItNames() throws IOException {
        for (ModelCard card : SHIPPED.cards()) {
            assertEquals(card.weightsSha256(), Sha256.hex(resource(card.id() + "/" + card.weightsFile())), card.id());
            for (ModelCard.WeightShard shard : card.weightShards()) {
                assertEquals(shard.sha256(), Sha256.hex(resource(card.id() + "/" + shard.file())), card.id());
            }
        }
    }

    @Test
    void aTamperedWeightShardIsRefusedWithAHashMismatchNamingTheShard(@TempDir Path models) throws IOException {
        ModelCard card = SHIPPED.find(UPSCALER_ID).orElseThrow();
        Path modelDir = copyModel(card, models);
        String shard = card.weightShards().get(0).file();
        byte[] weights = Files.readAllBytes(modelDir.resolve(shard));
        weights[weights.length / 3] ^= 0x01;
        Files.write(modelDir.resolve(shard), weights);
        var tampered = ModelCatalog.fromDirectory(models);

        var refused = assertThrows(WeightHashMismatchException.class,
                () -> new ModelLoader(tampered).loadUpscaler(tampered.find(UPSCALER_ID).orElseThrow()));

        assertEquals(shard, refused.file());
        assertEquals(card.weightShards().get(0).sha256(), refused.expectedSha256());
        assertEquals(Sha256.hex(weights), refused.actualSha256());
    }

    @Test
    void aWeightShardTheCardDoesNotVouchForIsNeverRead(@TempDir Path models) throws IOException {
        ModelCard card = SHIPPED.find(UPSCALER_ID).orElseThrow();
        copyModel(card, models);
        ModelCard withoutShards = new ModelCard(card.id(), card.version(), card.family(), card.format(),
                card.architecture(), 0, 0, 0, 0, card.weightsFile(), card.weightsSha256(), List.of(), card.scale(),
                null, null, List.of(), List.of(), null, null, card.dataSources(), card.training(), card.intendedUse(), card.limitations());

        var refused = assertThrows(ModelLoadException.class,
                () -> new ModelLoader(ModelCatalog.fromDirectory(models)).loadUpscaler(withoutShards));

        assertTrue(refused.getCause().getMessage().contains("group1-shard1of1.bin"), refused.getCause().getMessage());
    }

    @Test
    void eachLoaderMethodLoadsOnlyItsOwnFamily() {
        ModelLoader loader = new ModelLoader(SHIPPED);

        assertThrows(ModelLoadException.class, () -> loader.load(SHIPPED.find(UPSCALER_ID).orElseThrow()));
        assertThrows(ModelLoadException.class, () -> loader.loadUpscaler(shippedCard()));
        assertThrows(ModelLoadException.class, () -> loader.loadEmbedder(SHIPPED.find(UPSCALER_ID).orElseThrow()));
    }

    @Test
    void aModelOfAnUnknownArchitectureIsNotLoaded() {
        ModelCard card = shippedCard();
        ModelCard unknown = new ModelCard(card.id(), card.version(), card.family(), card.format(), "dcgan-64",
                card.latentSize(), card.baseWidth(), 64, 64, card.weightsFile(), card.weightsSha256(),
                card.weightShards(), card.scale(), card.featureLayer(), card.classLayer(), card.labels(), card.vocabulary(), card.outputRange(), card.style(),
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

    private static Path copyModel(ModelCard card, Path models) throws IOException {
        Path modelDir = Files.createDirectories(models.resolve(card.id()));
        Files.write(modelDir.resolve("card.json"), resource(card.id() + "/card.json"));
        Files.write(modelDir.resolve(card.weightsFile()), resource(card.id() + "/" + card.weightsFile()));
        for (ModelCard.WeightShard shard : card.weightShards()) {
            Files.write(modelDir.resolve(shard.file()), resource(card.id() + "/" + shard.file()));
        }
        return modelDir;
    }

    private static byte[] resource(String relativePath) throws IOException {
        try (InputStream in = ModelLoaderTest.class.getClassLoader().getResourceAsStream("pinxit/models/" + relativePath)) {
            return in.readAllBytes();
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
