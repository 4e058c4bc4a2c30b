package io.pinxit.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generators exported from PyTorch (TorchScript) and to ONNX load from their cards through the one loading path.
 * The fixtures come from {@code tools/registry-fixtures/make_generators.py}.
 */
class ExportedGeneratorTest {

    @TempDir
    Path models;

    @Test
    void aTorchScriptGeneratorMakesDeterministicPicturesOfItsCardsSize() throws IOException {
        assertDeterministicPicturesOfEightByEight(fixture("tiny-torchscript"));
    }

    @Test
    void anOnnxGeneratorMakesDeterministicPicturesOfItsCardsSize() throws IOException {
        assertDeterministicPicturesOfEightByEight(fixture("tiny-onnx"));
    }

    @Test
    void provenanceNamesTheEngineThatRunsEachFormatAndTheDeviceItRanOn() throws IOException {
        var onnx = DjlRuntime.platform(fixture("tiny-onnx"), Device.gpu(0));
        assertThat(onnx.libraries()).startsWith("OnnxRuntime ");
        assertThat(onnx.device()).isEqualTo(Device.cpu().toString());

        var torchScript = DjlRuntime.platform(fixture("tiny-torchscript"), Device.gpu(1));
        assertThat(torchScript.libraries()).startsWith("PyTorch ");
        assertThat(torchScript.device()).isEqualTo("gpu(1)");
        assertThat(torchScript.kernels()).isEqualTo("cuda");
    }

    @Test
    void weightsWhoseHashIsNotTheCardsAreRefusedNamingBothHashes() throws IOException {
        ModelCard card = fixture("tiny-torchscript");
        String wrong = "0".repeat(64);
        ModelCard lying = card.withWeights(card.weightsFile(), wrong, card.training());
        var catalog = catalogOf(lying, weightsOf(card));

        assertThatThrownBy(() -> new ModelLoader(catalog).load(lying))
                .isInstanceOf(WeightHashMismatchException.class)
                .hasMessageContaining(wrong)
                .hasMessageContaining(card.weightsSha256());
    }

    @Test
    void aNetworkThatGivesAnotherPictureSizeThanItsCardIsRefused() throws IOException {
        ModelCard card = fixture("wrong-shape");
        var catalog = catalogOf(card, weightsOf(card));

        assertThatThrownBy(() -> new ModelLoader(catalog).load(card))
                .isInstanceOf(ModelShapeMismatchException.class)
                .hasMessageContaining("[1, 3, 8, 8]")
                .hasMessageContaining("gave [1, 3, 4, 4]");
    }

    @Test
    void aNetworkThatTakesAnotherLatentSizeThanItsCardIsRefused() throws IOException {
        ModelCard card = fixture("tiny-onnx");
        ModelCard wrongLatent = ModelCatalog.JSON.readValue(
                ModelCatalog.JSON.writeValueAsString(card).replace("\"latentSize\":16", "\"latentSize\":12"),
                ModelCard.class);
        var catalog = catalogOf(wrongLatent, weightsOf(card));

        assertThatThrownBy(() -> new ModelLoader(catalog).load(wrongLatent))
                .isInstanceOf(ModelShapeMismatchException.class)
                .hasMessageContaining("refused a [1, 12] latent");
    }

    private void assertDeterministicPicturesOfEightByEight(ModelCard card) throws IOException {
        var catalog = catalogOf(card, weightsOf(card));
        List<GeneratedImage> first;
        List<GeneratedImage> again;
        List<GeneratedImage> fewer;
        try (ImageGenerator generator = new ModelLoader(catalog).load(card)) {
            first = generator.generate(42, 3);
            fewer = generator.generate(42, 1);
        }
        try (ImageGenerator reloaded = new ModelLoader(catalog).load(card)) {
            again = reloaded.generate(42, 3);
        }

        assertThat(first).hasSize(3).allSatisfy(image -> assertThat(image.device()).isEqualTo(Device.cpu()));
        for (int i = 0; i < first.size(); i++) {
            var image = ImageIO.read(new ByteArrayInputStream(first.get(i).png()));
            assertThat(image.getWidth()).isEqualTo(card.imageWidth());
            assertThat(image.getHeight()).isEqualTo(card.imageHeight());
            assertThat(again.get(i).png()).isEqualTo(first.get(i).png());
        }
        assertThat(fewer.get(0).png()).isEqualTo(first.get(0).png());
        assertThat(first.get(1).png()).isNotEqualTo(first.get(0).png());
    }

    private ModelCatalog catalogOf(ModelCard card, byte[] weights) throws IOException {
        Path folder = Files.createDirectories(models.resolve(card.id()));
        Files.write(folder.resolve(card.weightsFile()), weights);
        ModelCatalog.JSON.writeValue(folder.resolve("card.json").toFile(), card);
        return ModelCatalog.fromDirectory(models);
    }

    private static ModelCard fixture(String id) throws IOException {
        return ModelCatalog.JSON.readValue(resource(id + ".card.json"), ModelCard.class);
    }

    private static byte[] weightsOf(ModelCard card) throws IOException {
        return resource(card.weightsFile());
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = ExportedGeneratorTest.class.getResourceAsStream("/registry-fixtures/" + name)) {
            if (in == null) {
                throw new IOException("No test resource registry-fixtures/" + name);
            }
            return in.readAllBytes();
        }
    }
}
