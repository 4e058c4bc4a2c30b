package io.pinxit.inference.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import io.pinxit.inference.KernelSensitive;
import io.pinxit.inference.ModelCatalog;
import io.pinxit.inference.ModelLoader;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks the Java reading of nsfwjs's MobileNet v2 against TensorFlow.js itself (pure-JS CPU backend, pinned
 * with nsfwjs in src/test/node), run by Node. Needs {@code node} and {@code npm} on the PATH and fails, rather
 * than skips, without them; npm installs the locked packages into target/ once.
 */
@KernelSensitive
class ImageEmbedderTest {

    private static final String PROBABILITIES = "dense_3";
    private static final String FEATURES = "flatten_1";

    private static ImageEmbedder embedder;

    @BeforeAll
    static void loadTheShippedModel() {
        ModelCatalog shipped = ModelCatalog.fromClasspath();
        embedder = new ModelLoader(shipped).loadEmbedder(shipped.find("nsfwjs-mobilenet-v2").orElseThrow());
    }

    @AfterAll
    static void closeTheModel() {
        embedder.close();
    }

    @Test
    void classProbabilitiesAndFeaturesMatchTensorFlowJs() throws Exception {
        List<BufferedImage> pictures = List.of(drawing(224, 224), photoLike(224, 224, 7), photoLike(300, 200, 11));
        JsonNode reference = NsfwjsReference.outputs("MobileNetV2", pictures, 120);

        for (int i = 0; i < pictures.size(); i++) {
            Map<String, float[]> java = outputs(pictures.get(i), PROBABILITIES, FEATURES);
            float[] tfjsProbabilities = NsfwjsReference.floats(reference.get(i).path("probabilities"));
            float[] tfjsFeatures = NsfwjsReference.floats(reference.get(i).path("features"));

            assertThat(NsfwjsReference.topClass(java.get(PROBABILITIES))).as("class of picture %d", i).isEqualTo(NsfwjsReference.topClass(tfjsProbabilities));
            assertThat(java.get(PROBABILITIES)).as("probabilities of picture %d", i)
                    .containsExactly(tfjsProbabilities, within(Float32Drift.MOBILENET_V2.tolerance(tfjsProbabilities)));
            assertThat(java.get(FEATURES)).as("features of picture %d", i)
                    .containsExactly(tfjsFeatures, within(Float32Drift.MOBILENET_V2.tolerance(tfjsFeatures)));
        }
    }

    @Test
    void descriptionsNameTheCardsClassesWithTheProbabilitiesTensorFlowJsGives() throws Exception {
        List<BufferedImage> pictures = List.of(drawing(224, 224), photoLike(300, 200, 11));
        JsonNode reference = NsfwjsReference.outputs("MobileNetV2", pictures, 120);

        List<ImageEmbedder.Description> descriptions = embedder.describeAll(pictures);

        for (int i = 0; i < pictures.size(); i++) {
            Map<String, Float> classes = descriptions.get(i).classProbabilities();
            assertThat(classes).as("classes of picture %d", i).containsOnlyKeys("drawing", "hentai", "neutral", "porn", "sexy");
            float[] inOrder = new float[classes.size()];
            int next = 0;
            for (float probability : classes.values()) {
                inOrder[next++] = probability;
            }
            float[] tfjsProbabilities = NsfwjsReference.floats(reference.get(i).path("probabilities"));
            assertThat(inOrder).as("probabilities of picture %d", i)
                    .containsExactly(tfjsProbabilities, within(Float32Drift.MOBILENET_V2.tolerance(tfjsProbabilities)));
            float[] alone = embedder.embed(pictures.get(i));
            assertThat(descriptions.get(i).embedding()).as("embedding of picture %d", i)
                    .containsExactly(alone, within(Float32Drift.MOBILENET_V2.tolerance(alone)));
        }
    }

    @Test
    void embeddingsHaveTheFeatureLayersWidthAndUnitLength() {
        float[] embedding = embedder.embed(photoLike(224, 224, 3));

        assertThat(embedder.dimensions()).isEqualTo(1280);
        assertThat(embedding).hasSize(1280);
        double squares = 0;
        for (float value : embedding) {
            squares += value * value;
        }
        assertThat(Math.sqrt(squares)).isCloseTo(1.0, within(1e-5));
    }

    @Test
    void picturesEmbeddedTogetherGetTheEmbeddingsTheyGetOneByOne() {
        List<BufferedImage> pictures = List.of(photoLike(64, 64, 1), drawing(64, 64), photoLike(224, 224, 2));

        List<float[]> together = embedder.embedAll(pictures);

        assertThat(together).hasSize(3);
        for (int i = 0; i < pictures.size(); i++) {
            float[] alone = embedder.embed(pictures.get(i));
            assertThat(together.get(i)).as("picture %d", i)
                    .containsExactly(alone, within(Float32Drift.MOBILENET_V2.tolerance(alone)));
        }
    }

    @Test
    void aSlightlyNoisedPictureIsCloserToItsOriginalThanADifferentPicture() {
        BufferedImage original = photoLike(224, 224, 5);
        float[] embedding = embedder.embed(original);

        double toNoised = dot(embedding, embedder.embed(noised(original, 6)));
        double toDifferent = dot(embedding, embedder.embed(drawing(224, 224)));

        assertThat(toNoised).isGreaterThan(0.95).isGreaterThan(toDifferent);
    }

    @Test
    void innerLayersCanBeReadAsChannelsLastFeatureMaps() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray pixels = embedder.pixels(drawing(160, 96), manager);

            Map<String, NDArray> maps = embedder.layerOutputs(pixels, List.of("block_1_expand_relu", "block_6_project_BN"));

            assertThat(embedder.layerNames()).contains("block_1_expand_relu", "block_6_project_BN", FEATURES);
            assertThat(maps.get("block_1_expand_relu").getShape()).isEqualTo(new Shape(1, 112, 112, 96));
            assertThat(maps.get("block_6_project_BN").getShape()).isEqualTo(new Shape(1, 14, 14, 64));
        }
    }

    private static Map<String, float[]> outputs(BufferedImage picture, String... layers) {
        try (NDManager manager = NDManager.newBaseManager()) {
            Map<String, NDArray> outputs = embedder.layerOutputs(embedder.pixels(picture, manager), List.of(layers));
            return Map.of(layers[0], outputs.get(layers[0]).toFloatArray(), layers[1], outputs.get(layers[1]).toFloatArray());
        }
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (double) a[i] * b[i];
        }
        return sum;
    }

    /** A flat cartoon: a yellow sun with a smile on white, outlined in black. */
    private static BufferedImage drawing(int width, int height) {
        var picture = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = picture.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(255, 204, 0));
        g.fillOval(width / 5, height / 5, width * 3 / 5, height * 3 / 5);
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(4));
        g.drawOval(width / 5, height / 5, width * 3 / 5, height * 3 / 5);
        g.drawArc(width / 3, height / 3, width / 3, height / 3, 200, 140);
        g.dispose();
        return picture;
    }

    /** Smooth colour fields with grain, more like a photograph than a drawing. */
    private static BufferedImage photoLike(int width, int height, long seed) {
        var random = new SplittableRandom(seed);
        double phase = random.nextDouble(Math.PI);
        var picture = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int r = clamp(128 + 90 * Math.sin(x / 23.0 + phase) + random.nextInt(-20, 21));
                int g = clamp(110 + 80 * Math.cos(y / 31.0 - phase) + random.nextInt(-20, 21));
                int b = clamp(90 + 60 * Math.sin((x + y) / 41.0) + random.nextInt(-20, 21));
                picture.setRGB(x, y, r << 16 | g << 8 | b);
            }
        }
        return picture;
    }

    private static BufferedImage noised(BufferedImage original, int amplitude) {
        var random = new SplittableRandom(99);
        var copy = new BufferedImage(original.getWidth(), original.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < original.getHeight(); y++) {
            for (int x = 0; x < original.getWidth(); x++) {
                int rgb = original.getRGB(x, y);
                int r = clamp(((rgb >> 16) & 0xFF) + random.nextInt(-amplitude, amplitude + 1));
                int g = clamp(((rgb >> 8) & 0xFF) + random.nextInt(-amplitude, amplitude + 1));
                int b = clamp((rgb & 0xFF) + random.nextInt(-amplitude, amplitude + 1));
                copy.setRGB(x, y, r << 16 | g << 8 | b);
            }
        }
        return copy;
    }

    private static int clamp(double value) {
        return (int) Math.max(0, Math.min(255, Math.round(value)));
    }
}
