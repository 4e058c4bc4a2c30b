package io.pinxit.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import io.pinxit.contracts.Sha256;
import io.pinxit.contracts.prompt.InvalidPromptException;
import io.pinxit.inference.gan.ConditionalDcgan32;
import io.pinxit.inference.gan.Dcgan32;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tiny, randomly initialised prompt generator written as a model folder, loaded the services' way. */
class PromptGeneratorTest {

    private static final String MODEL_ID = "tiny-words";
    private static final List<String> VOCABULARY = List.of("cat", "face", "heart", "red", "smiling");
    private static final int LATENT_SIZE = 8;
    private static final int WIDTH = 4;

    @TempDir
    static Path models;

    private static ModelCatalog catalog;

    @BeforeAll
    static void writeTinyModel() throws IOException {
        byte[] weights = tinyGeneratorWeights();
        Path dir = Files.createDirectories(models.resolve(MODEL_ID));
        Files.write(dir.resolve("tiny-words.params"), weights);
        ModelCard card = new ModelCard(MODEL_ID, "0.0.1", ModelCard.GAN_FAMILY, ModelLoader.DJL_PARAMS_FORMAT,
                ModelLoader.PROMPT_DCGAN_32, LATENT_SIZE, WIDTH, 32, 32, "tiny-words.params", Sha256.hex(weights),
                List.of(), 0, null, null, List.of(), VOCABULARY, null, null, List.of(), null, "tests", "none");
        ModelCatalog.JSON.writeValue(dir.resolve("card.json").toFile(), card);
        catalog = ModelCatalog.fromDirectory(models);
    }

    @Test
    void aPromptGeneratorLoadsFromItsCardWithItsVocabularyAndDrawsAPrompt() throws IOException {
        assertThat(catalog.find(MODEL_ID).orElseThrow().vocabulary()).isEqualTo(VOCABULARY);
        try (ImageGenerator generator = load()) {
            List<GeneratedImage> images = generator.generateFromPrompt(5L, 3, "Smiling cat face");

            assertThat(images).hasSize(3);
            BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(images.get(2).png()));
            assertThat(decoded.getWidth()).isEqualTo(32);
        }
    }

    @Test
    void samePromptAndSeedGiveTheSamePixelsWhateverTheWordOrderAndAnotherPromptChangesThem() {
        try (ImageGenerator generator = load()) {
            byte[] catFace = generator.generateFromPrompt(42L, 1, "cat face").get(0).png();

            assertThat(generator.generateFromPrompt(42L, 1, "face, cat").get(0).png()).isEqualTo(catFace);
            assertThat(generator.generateFromPrompt(42L, 1, "red heart").get(0).png()).isNotEqualTo(catFace);
        }
    }

    @Test
    void unknownWordsAreRefusedNamingTheNearestKnownOnes() {
        try (ImageGenerator generator = load()) {
            assertThatThrownBy(() -> generator.generateFromPrompt(1L, 1, "red hart"))
                    .isInstanceOf(InvalidPromptException.class)
                    .hasMessageContaining("'hart' (did you mean heart, cat?)");
        }
    }

    @Test
    void aPromptModelNeedsAPromptAndTakesNoLabel() {
        try (ImageGenerator generator = load()) {
            assertThatThrownBy(() -> generator.generate(1L, 1)).isInstanceOf(InvalidPromptException.class)
                    .hasMessageContaining("draws from a prompt");
            assertThatThrownBy(() -> generator.generate(1L, 1, "flags")).isInstanceOf(UnknownLabelException.class)
                    .hasMessageContaining("takes no label");
        }
    }

    @Test
    void theShippedEmojiWordsDrawsAPromptOfWordsItsCardLists() {
        ModelCatalog shipped = ModelCatalog.fromClasspath();
        ModelCard card = shipped.find("emoji-words").orElseThrow();
        assertThat(card.vocabulary()).contains("cat", "heart", "red").doesNotHaveDuplicates();
        try (ImageGenerator words = new ModelLoader(shipped).load(card)) {
            assertThat(words.generateFromPrompt(20261123L, 2, "red heart")).hasSize(2);
        }
    }

    @Test
    void aModelWithoutVocabularyTakesNoPrompt() {
        ModelCatalog shipped = ModelCatalog.fromClasspath();
        try (ImageGenerator cgan = new ModelLoader(shipped).load(shipped.find("emoji-cgan").orElseThrow())) {
            assertThatThrownBy(() -> cgan.generateFromPrompt(1L, 1, "cat")).isInstanceOf(InvalidPromptException.class)
                    .hasMessageContaining("takes no prompt");
        }
    }

    @Test
    void aPromptCardWithoutVocabularyIsNotLoaded() {
        ModelCard card = catalog.find(MODEL_ID).orElseThrow();
        ModelCard wordless = card.withVocabulary(List.of());

        assertThatThrownBy(() -> new ModelLoader(catalog).load(wordless)).isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("must list its vocabulary");
    }

    private static ImageGenerator load() {
        return new ModelLoader(catalog).load(catalog.find(MODEL_ID).orElseThrow());
    }

    private static byte[] tinyGeneratorWeights() throws IOException {
        DjlRuntime.configure();
        Engine.getInstance().setRandomSeed(7);
        try (NDManager manager = NDManager.newBaseManager()) {
            Block generator = ConditionalDcgan32.promptGenerator(LATENT_SIZE, WIDTH);
            generator.initialize(manager, DataType.FLOAT32,
                    Dcgan32.latentShape(1, LATENT_SIZE), new Shape(1, VOCABULARY.size()));
            var bytes = new ByteArrayOutputStream();
            try (var out = new DataOutputStream(bytes)) {
                generator.saveParameters(out);
            }
            return bytes.toByteArray();
        }
    }
}
