package io.pinxit.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import io.pinxit.contracts.Sha256;
import io.pinxit.inference.gan.ConditionalDcgan32;
import io.pinxit.inference.gan.Dcgan32;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tiny, randomly initialised conditional generator written as a model folder, loaded the services' way. */
class ConditionalGeneratorTest {

    private static final String MODEL_ID = "tiny-cgan";
    private static final List<String> LABELS = List.of("smileys-emotion", "animals-nature", "flags");
    private static final int LATENT_SIZE = 8;
    private static final int WIDTH = 4;

    @TempDir
    static Path models;

    private static ModelCatalog catalog;

    @BeforeAll
    static void writeTinyModel() throws IOException {
        byte[] weights = tinyGeneratorWeights();
        Path dir = Files.createDirectories(models.resolve(MODEL_ID));
        Files.write(dir.resolve("tiny-cgan.params"), weights);
        ModelCard card = new ModelCard(MODEL_ID, "0.0.1", ModelCard.GAN_FAMILY, ModelLoader.DJL_PARAMS_FORMAT,
                ModelLoader.CONDITIONAL_DCGAN_32, LATENT_SIZE, WIDTH, 32, 32, "tiny-cgan.params", Sha256.hex(weights),
                List.of(), 0, null, null, LABELS, List.of(), null, null, List.of(), null, "tests", "none");
        ModelCatalog.JSON.writeValue(dir.resolve("card.json").toFile(), card);
        catalog = ModelCatalog.fromDirectory(models);
    }

    @Test
    void aConditionalGeneratorLoadsThroughModelLoaderFromItsCardWithItsLabels() throws IOException {
        assertEquals(LABELS, catalog.find(MODEL_ID).orElseThrow().labels());
        try (ImageGenerator generator = load()) {
            List<GeneratedImage> images = generator.generate(5L, 3, "flags");

            assertEquals(LABELS, generator.labels());
            assertEquals(3, images.size());
            BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(images.get(2).png()));
            assertEquals(32, decoded.getWidth());
            assertEquals(32, decoded.getHeight());
        }
    }

    @Test
    void anUnknownLabelIsRefusedNamingTheValidLabels() {
        try (ImageGenerator generator = load()) {
            var refused = assertThrows(UnknownLabelException.class, () -> generator.generate(1L, 1, "weather"));

            assertEquals("weather", refused.label());
            assertEquals(LABELS, refused.validLabels());
            assertTrue(refused.getMessage().contains("smileys-emotion, animals-nature, flags"), refused.getMessage());
        }
    }

    @Test
    void askingAConditionalGeneratorForNoLabelIsRefusedNamingTheValidLabels() {
        try (ImageGenerator generator = load()) {
            var withNull = assertThrows(UnknownLabelException.class, () -> generator.generate(1L, 1, null));
            var withoutLabel = assertThrows(UnknownLabelException.class, () -> generator.generate(1L, 1));

            assertNull(withNull.label());
            assertTrue(withoutLabel.getMessage().contains("smileys-emotion, animals-nature, flags"), withoutLabel.getMessage());
        }
    }

    @Test
    void sameSeedAndLabelGiveBitIdenticalPixelsAcrossLoads() {
        List<int[]> first = pixelsOf(generateWithFreshLoad(42L, 4, "animals-nature"));
        List<int[]> second = pixelsOf(generateWithFreshLoad(42L, 4, "animals-nature"));

        for (int i = 0; i < first.size(); i++) {
            assertArrayEquals(first.get(i), second.get(i), "image " + i);
        }
    }

    @Test
    void theLabelChangesThePicturesOfOneSeed() {
        List<int[]> smileys = pixelsOf(generateWithFreshLoad(42L, 2, "smileys-emotion"));
        List<int[]> flags = pixelsOf(generateWithFreshLoad(42L, 2, "flags"));

        for (int i = 0; i < smileys.size(); i++) {
            assertFalse(Arrays.equals(smileys.get(i), flags.get(i)), "image " + i);
        }
    }

    @Test
    void aConditionalCardWithoutLabelsIsNotLoaded() {
        ModelCard card = catalog.find(MODEL_ID).orElseThrow();
        ModelCard unlabelled = new ModelCard(card.id(), card.version(), card.family(), card.format(),
                card.architecture(), card.latentSize(), card.baseWidth(), 32, 32, card.weightsFile(),
                card.weightsSha256(), List.of(), 0, null, null, List.of(), List.of(), null, null, List.of(), card.training(),
                card.intendedUse(), card.limitations());

        var refused = assertThrows(ModelLoadException.class, () -> new ModelLoader(catalog).load(unlabelled));

        assertTrue(refused.getMessage().contains("labels"), refused.getMessage());
    }

    @Test
    void theShippedEmojiCganDrawsEveryOneOfItsLabels() {
        ModelCatalog shipped = ModelCatalog.fromClasspath();
        try (ImageGenerator cgan = new ModelLoader(shipped).load(shipped.find("emoji-cgan").orElseThrow())) {
            for (String label : cgan.labels()) {
                assertEquals(2, cgan.generate(20261123L, 2, label).size(), label);
            }
        }
    }

    @Test
    void theUnconditionalDcganTakesNoLabelButStillAcceptsNone() {
        ModelCatalog shipped = ModelCatalog.fromClasspath();
        try (ImageGenerator dcgan = new ModelLoader(shipped).load(shipped.find("emoji-dcgan").orElseThrow())) {
            var refused = assertThrows(UnknownLabelException.class, () -> dcgan.generate(1L, 1, "flags"));

            assertTrue(dcgan.labels().isEmpty());
            assertTrue(refused.validLabels().isEmpty());
            assertEquals(1, dcgan.generate(1L, 1, null).size());
        }
    }

    private static ImageGenerator load() {
        return new ModelLoader(catalog).load(catalog.find(MODEL_ID).orElseThrow());
    }

    private static List<GeneratedImage> generateWithFreshLoad(long seed, int count, String label) {
        try (ImageGenerator generator = load()) {
            return generator.generate(seed, count, label);
        }
    }

    private static byte[] tinyGeneratorWeights() throws IOException {
        DjlRuntime.configure();
        Engine.getInstance().setRandomSeed(7);
        try (NDManager manager = NDManager.newBaseManager()) {
            Block generator = ConditionalDcgan32.generator(LATENT_SIZE, WIDTH);
            generator.initialize(manager, DataType.FLOAT32,
                    Dcgan32.latentShape(1, LATENT_SIZE), ConditionalDcgan32.labelShape(1, LABELS.size()));
            var bytes = new ByteArrayOutputStream();
            try (var out = new DataOutputStream(bytes)) {
                generator.saveParameters(out);
            }
            return bytes.toByteArray();
        }
    }

    private static List<int[]> pixelsOf(List<GeneratedImage> images) {
        List<int[]> pixels = new ArrayList<>();
        for (GeneratedImage image : images) {
            try {
                BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(image.png()));
                pixels.add(decoded.getRGB(0, 0, decoded.getWidth(), decoded.getHeight(), null, 0, decoded.getWidth()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return pixels;
    }
}
