package io.pinxit.inference.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pinxit.inference.KernelSensitive;
import io.pinxit.inference.ModelCatalog;
import io.pinxit.inference.ModelLoader;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks the Java reading of nsfwjs's Inception v3 (max pooling, 'same' average pooling, many-way
 * concatenations, six weight shards) against TensorFlow.js itself; see {@link NsfwjsReference}. The model ships
 * in the models jar but is listed in no index, so it is loaded from a folder copy of its files, hash-checked.
 */
@KernelSensitive
class InceptionV3Test {

    private static final String MODEL_ID = "nsfwjs-inception-v3";
    private static final String PROBABILITIES = "dense_3";
    private static final String FEATURES = "flatten_1";
    private static final String LAST_BLOCK = "mixed10";

    @TempDir
    static Path models;

    private static ImageEmbedder inception;

    @BeforeAll
    static void loadTheShippedModelWithItsCardsHashes() throws IOException {
        JsonNode card = new ObjectMapper().readTree(resource("card.json"));
        List<String> files = new ArrayList<>(List.of("card.json", card.path("weightsFile").asText()));
        card.path("weightShards").forEach(shard -> files.add(shard.path("file").asText()));
        Path folder = Files.createDirectories(models.resolve(MODEL_ID));
        for (String file : files) {
            Files.write(folder.resolve(file), resource(file));
        }
        ModelCatalog copy = ModelCatalog.fromDirectory(models);
        inception = new ModelLoader(copy).loadEmbedder(copy.find(MODEL_ID).orElseThrow());
    }

    @AfterAll
    static void closeTheModel() {
        inception.close();
    }

    @Test
    void classProbabilitiesAndPoolFeaturesMatchTensorFlowJs() throws Exception {
        List<BufferedImage> pictures = List.of(drawing(299), flower());
        JsonNode reference = NsfwjsReference.outputs("InceptionV3", pictures, 300);

        for (int i = 0; i < pictures.size(); i++) {
            try (NDManager manager = NDManager.newBaseManager()) {
                Map<String, NDArray> java = inception.layerOutputs(inception.pixels(pictures.get(i), manager),
                        List.of(PROBABILITIES, FEATURES));

                float[] probabilities = NsfwjsReference.floats(reference.get(i).path("probabilities"));
                float[] features = NsfwjsReference.floats(reference.get(i).path("features"));
                assertThat(NsfwjsReference.topClass(java.get(PROBABILITIES).toFloatArray())).as("class of picture %d", i)
                        .isEqualTo(NsfwjsReference.topClass(probabilities));
                assertThat(java.get(PROBABILITIES).toFloatArray()).as("probabilities of picture %d", i)
                        .containsExactly(probabilities, within(Float32Drift.INCEPTION_V3.tolerance(probabilities)));
                assertThat(java.get(FEATURES).toFloatArray()).as("features of picture %d", i)
                        .containsExactly(features, within(Float32Drift.INCEPTION_V3.tolerance(features)));
            }
        }
    }

    @Test
    void thePoolFeaturesAreTheSpatialMeanOfTheLastBlockWhichSmallerInputsStillHave() throws IOException {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray pixels = inception.pixels(flower(), manager);
            Map<String, NDArray> outputs = inception.layerOutputs(pixels, List.of(LAST_BLOCK, FEATURES));
            NDArray small = manager.zeros(new Shape(2, 139, 139, 3)).add(0.5f);

            assertThat(inception.dimensions()).isEqualTo(2048);
            NDArray lastBlock = outputs.get(LAST_BLOCK);
            assertThat(lastBlock.reshape(1, -1, lastBlock.getShape().get(3)).mean(new int[] {1}).toFloatArray())
                    .containsExactly(outputs.get(FEATURES).toFloatArray(), within(1e-4f));
            assertThat(inception.layerOutputs(small, List.of(LAST_BLOCK)).get(LAST_BLOCK).getShape())
                    .isEqualTo(new Shape(2, 3, 3, 2048));
        }
    }

    private static byte[] resource(String file) throws IOException {
        String path = "pinxit/models/" + MODEL_ID + "/" + file;
        try (InputStream in = InceptionV3Test.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException("No " + path + " on the classpath");
            }
            return in.readAllBytes();
        }
    }

    /** A real photograph (the upscaler package's 128×128 fixture), which the network's input resizing enlarges. */
    private static BufferedImage flower() throws IOException {
        try (InputStream in = InceptionV3Test.class.getClassLoader()
                .getResourceAsStream("pinxit/model-samples/esrgan-slim-x2/input.png")) {
            return ImageIO.read(in);
        }
    }

    /** Flat colour shapes at the network's own size. */
    private static BufferedImage drawing(int side) {
        var picture = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = picture.createGraphics();
        g.setColor(new Color(250, 240, 220));
        g.fillRect(0, 0, side, side);
        g.setColor(new Color(30, 120, 200));
        g.fillRect(side / 8, side / 2, side * 3 / 4, side / 3);
        g.setColor(new Color(220, 40, 40));
        g.fillOval(side / 3, side / 8, side / 3, side / 3);
        g.dispose();
        return picture;
    }
}
