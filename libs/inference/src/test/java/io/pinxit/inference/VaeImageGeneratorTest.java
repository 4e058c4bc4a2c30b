package io.pinxit.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shipped emoji-vae, loaded the services' way. */
class VaeImageGeneratorTest {

    private static final String MODEL_ID = "emoji-vae";
    private static final ModelCatalog SHIPPED = ModelCatalog.fromClasspath();
    private static final long SEED = 20261123L;

    private static LatentImageGenerator vae;

    @BeforeAll
    static void load() {
        vae = assertInstanceOf(LatentImageGenerator.class, new ModelLoader(SHIPPED).load(card()));
    }

    @AfterAll
    static void close() {
        vae.close();
    }

    @Test
    void theShippedVaeLoadsThroughModelLoaderWithTheNineEmojiCategories() throws IOException {
        assertEquals(ModelCard.VAE_FAMILY, card().family());
        assertEquals(List.of("smileys-emotion", "people-body", "animals-nature", "food-drink", "travel-places",
                "activities", "objects", "symbols", "flags"), vae.labels());
        for (String label : vae.labels()) {
            GeneratedImage image = vae.generate(SEED, 1, label).get(0);
            BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(image.png()));

            assertEquals(32, decoded.getWidth(), label);
            assertEquals(32, decoded.getHeight(), label);
        }
    }

    @Test
    void generatingIsDecodingTheSeedsPointsAndGivesTheSamePixelsAcrossLoads() {
        List<GeneratedImage> generated = vae.generate(42L, 4, "flags");
        List<GeneratedImage> decoded = vae.decode(vae.pointsOf(42L, 4, "flags"));
        List<GeneratedImage> reloaded;
        try (ImageGenerator fresh = new ModelLoader(SHIPPED).load(card())) {
            reloaded = fresh.generate(42L, 4, "flags");
        }

        for (int i = 0; i < generated.size(); i++) {
            assertArrayEquals(pixelsOf(generated.get(i)), pixelsOf(decoded.get(i)), "image " + i);
            assertArrayEquals(pixelsOf(generated.get(i)), pixelsOf(reloaded.get(i)), "image " + i);
        }
    }

    @Test
    void aSeedsPointsAreItsLatentVectorsWithTheLabelsOneHotRowWhateverTheCount() {
        List<LatentPoint> smileys = vae.pointsOf(7L, 3, "smileys-emotion");
        List<LatentPoint> flags = vae.pointsOf(7L, 5, "flags");

        for (int i = 0; i < smileys.size(); i++) {
            assertArrayEquals(smileys.get(i).latent(), flags.get(i).latent());
            assertEquals(card().latentSize(), smileys.get(i).latent().length);
        }
        assertArrayEquals(new float[] {1, 0, 0, 0, 0, 0, 0, 0, 0}, smileys.get(0).labelWeights());
        assertArrayEquals(new float[] {0, 0, 0, 0, 0, 0, 0, 0, 1}, flags.get(0).labelWeights());
    }

    /**
     * Compared by direction, because the encoder's means spread wider than the standard normal draws they decode.
     * Smileys are left out: every point of that label decodes to much the same face, so no encoder could tell
     * them apart (one of its 8 pictures here points closer to another point).
     */
    @Test
    void encodingADecodedPictureLeadsBackTowardsItsOwnPointRatherThanAnyOther() {
        for (String label : vae.labels().subList(1, vae.labels().size())) {
            List<LatentPoint> points = vae.pointsOf(SEED, 8, label);
            List<GeneratedImage> pictures = vae.decode(points);

            for (int i = 0; i < points.size(); i++) {
                LatentPoint encoded = vae.encode(picture(pictures.get(i)), label);
                double own = cosine(encoded, points.get(i));
                for (int j = 0; j < points.size(); j++) {
                    if (j != i) {
                        assertTrue(own > cosine(encoded, points.get(j)),
                                "%s picture %d encodes at cosine %.2f to its point, %.2f to point %d"
                                        .formatted(label, i, own, cosine(encoded, points.get(j)), j));
                    }
                }
                assertArrayEquals(points.get(i).labelWeights(), encoded.labelWeights());
            }
        }
    }

    @Test
    void aPointHalfwayBetweenTwoLabelsDecodesToAPictureOfNeither() {
        LatentPoint smiley = vae.pointsOf(SEED, 1, "smileys-emotion").get(0);
        LatentPoint flag = vae.pointsOf(SEED, 1, "flags").get(0);
        LatentPoint halfway = smiley.towards(flag, 0.5);

        List<GeneratedImage> pictures = vae.decode(List.of(smiley, halfway, flag));

        assertArrayEquals(new float[] {0.5f, 0, 0, 0, 0, 0, 0, 0, 0.5f}, halfway.labelWeights());
        assertEquals(32, pictures.get(1).width());
        assertFalse(Arrays.equals(pixelsOf(pictures.get(1)), pixelsOf(pictures.get(0))));
        assertFalse(Arrays.equals(pixelsOf(pictures.get(1)), pixelsOf(pictures.get(2))));
    }

    @Test
    void aPictureOfAnotherSizeIsEncodedAsItsThirtyTwoPixelVersion() {
        BufferedImage small = picture(vae.generate(SEED, 1, "symbols").get(0));
        var large = new BufferedImage(64, 64, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                large.setRGB(x, y, small.getRGB(x / 2, y / 2));
            }
        }

        assertEquals(vae.encode(small, "symbols"), vae.encode(large, "symbols"));
    }

    @Test
    void anUnknownOrMissingLabelIsRefusedNamingTheValidLabels() {
        BufferedImage picture = picture(vae.generate(SEED, 1, "flags").get(0));

        var unknown = assertThrows(UnknownLabelException.class, () -> vae.generate(SEED, 1, "weather"));
        assertThrows(UnknownLabelException.class, () -> vae.pointsOf(SEED, 1, "weather"));
        assertThrows(UnknownLabelException.class, () -> vae.encode(picture, "weather"));
        var missing = assertThrows(UnknownLabelException.class, () -> vae.generate(SEED, 1));

        assertEquals("weather", unknown.label());
        assertEquals(vae.labels(), unknown.validLabels());
        assertTrue(missing.getMessage().contains("smileys-emotion, people-body"), missing.getMessage());
    }

    @Test
    void aPointOfAnotherModelIsRefused() {
        var foreign = new LatentPoint(new float[8], new float[9]);

        assertThrows(IllegalArgumentException.class, () -> vae.decode(List.of(foreign)));
        assertThrows(IllegalArgumentException.class, () -> vae.decode(List.of()));
    }

    @Test
    void concurrentCallsGiveWhatSequentialOnesDo() throws Exception {
        List<String> labels = vae.labels();
        List<int[]> sequential = new ArrayList<>();
        for (String label : labels) {
            sequential.add(pixelsOf(vae.generate(SEED, 2, label).get(1)));
        }
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<int[]>> concurrent = new ArrayList<>();
            for (String label : labels) {
                concurrent.add(threads.submit(() -> pixelsOf(vae.generate(SEED, 2, label).get(1))));
            }
            for (int i = 0; i < labels.size(); i++) {
                assertArrayEquals(sequential.get(i), concurrent.get(i).get(), labels.get(i));
            }
        } finally {
            threads.shutdown();
        }
    }

    @Test
    void aVaeCardWithoutLabelsOrOfAnotherArchitectureIsNotLoaded() {
        ModelCard card = card();
        ModelCard unlabelled = new ModelCard(card.id(), card.version(), card.family(), card.format(),
                card.architecture(), card.latentSize(), card.baseWidth(), 32, 32, card.weightsFile(),
                card.weightsSha256(), List.of(), 0, null, null, List.of(), List.of(), null, null, card.dataSources(), card.training(),
                card.intendedUse(), card.limitations());
        ModelCard unknown = new ModelCard(card.id(), card.version(), card.family(), card.format(), "vae-64",
                card.latentSize(), card.baseWidth(), 64, 64, card.weightsFile(), card.weightsSha256(), List.of(), 0,
                null, null, card.labels(), List.of(), null, null, card.dataSources(), card.training(), card.intendedUse(), card.limitations());

        var noLabels = assertThrows(ModelLoadException.class, () -> new ModelLoader(SHIPPED).load(unlabelled));
        assertThrows(ModelLoadException.class, () -> new ModelLoader(SHIPPED).load(unknown));
        assertTrue(noLabels.getMessage().contains("labels"), noLabels.getMessage());
    }

    private static ModelCard card() {
        return SHIPPED.find(MODEL_ID).orElseThrow();
    }

    /** Cosine similarity of two points' latent vectors. */
    private static double cosine(LatentPoint a, LatentPoint b) {
        float[] x = a.latent();
        float[] y = b.latent();
        double dot = 0;
        double xx = 0;
        double yy = 0;
        for (int i = 0; i < x.length; i++) {
            dot += (double) x[i] * y[i];
            xx += (double) x[i] * x[i];
            yy += (double) y[i] * y[i];
        }
        return dot / Math.sqrt(xx * yy);
    }

    private static BufferedImage picture(GeneratedImage image) {
        try {
            return ImageIO.read(new ByteArrayInputStream(image.png()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int[] pixelsOf(GeneratedImage image) {
        BufferedImage decoded = picture(image);
        return decoded.getRGB(0, 0, decoded.getWidth(), decoded.getHeight(), null, 0, decoded.getWidth());
    }
}
