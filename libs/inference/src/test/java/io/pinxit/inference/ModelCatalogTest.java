package io.pinxit.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelCatalogTest {

    @Test
    void theClasspathCatalogListsTheShippedEmojiModelWithItsProvenance() {
        ModelCard card = ModelCatalog.fromClasspath().find("emoji-dcgan").orElseThrow();

        assertEquals("gan", card.family());
        assertEquals("djl-params", card.format());
        assertEquals("dcgan-32", card.architecture());
        assertEquals(32, card.imageWidth());
        assertEquals(32, card.imageHeight());
        assertEquals(64, card.weightsSha256().length());
        assertEquals(List.of("CC-BY-4.0", "Apache-2.0"),
                card.dataSources().stream().map(ModelCard.DataSource::licence).toList());
        assertTrue(card.dataSources().get(0).attribution().contains("Copyright 2020 Twitter, Inc and other contributors"));
        assertTrue(card.training().steps() > 0);
    }

    @Test
    void theShippedConditionalGeneratorListsTheNineEmojiCategoriesInOrder() {
        ModelCard card = ModelCatalog.fromClasspath().find("emoji-cgan").orElseThrow();

        assertEquals(List.of("smileys-emotion", "people-body", "animals-nature", "food-drink", "travel-places",
                "activities", "objects", "symbols", "flags"), card.labels());
        assertEquals("conditional-dcgan-32", card.architecture());
        assertEquals(List.of("CC-BY-4.0", "Apache-2.0"),
                card.dataSources().stream().map(ModelCard.DataSource::licence).toList());
        assertTrue(ModelCatalog.fromClasspath().find("emoji-dcgan").orElseThrow().labels().isEmpty());
    }

    @Test
    void theClasspathCatalogListsThePretrainedModelsWithTheirPackagesAndLicences() {
        var catalog = ModelCatalog.fromClasspath();

        assertEquals(List.of("emoji-dcgan", "emoji-cgan", "emoji-words", "emoji-vae", "esrgan-slim-x2",
                        "esrgan-slim-x4", "nsfwjs-mobilenet-v2", "fast-style-great-wave"),
                catalog.cards().stream().map(ModelCard::id).toList());
        assertEquals(List.of("emoji-dcgan", "emoji-cgan", "emoji-words", "emoji-vae"),
                catalog.cards().stream().filter(ModelCard::isGenerator).map(ModelCard::id).toList());
        ModelCard upscaler = catalog.find("esrgan-slim-x4").orElseThrow();
        assertEquals("upscaler", upscaler.family());
        assertEquals("tfjs-layers", upscaler.format());
        assertEquals(4, upscaler.scale());
        assertEquals("@upscalerjs/esrgan-slim", upscaler.dataSources().get(0).packageName());
        assertEquals("pretrained by the package authors", upscaler.training().command());
        ModelCard embedder = catalog.find("nsfwjs-mobilenet-v2").orElseThrow();
        assertEquals("feature-extractor", embedder.family());
        assertEquals("flatten_1", embedder.featureLayer());
        assertEquals("MIT", embedder.dataSources().get(0).licence());
        assertTrue(embedder.dataSources().get(0).attribution().contains("Infinite Red"));
        assertEquals(1, embedder.weightShards().size());
    }

    @Test
    void everyShippedCardSurvivesBeingWrittenBackAndAGeneratorsCardGainsNoUpscalerFields() throws IOException {
        for (ModelCard card : ModelCatalog.fromClasspath().cards()) {
            String written = ModelCatalog.JSON.writeValueAsString(card);

            assertEquals(card, ModelCatalog.JSON.readValue(written, ModelCard.class), card.id());
            if (card.isGenerator()) {
                var fields = ModelCatalog.JSON.readTree(written);
                assertFalse(fields.has("weightShards") || fields.has("scale") || fields.has("featureLayer"), written);
            }
        }
    }

    @Test
    void aCardWhoseWeightShardPointsOutsideItsFolderIsRejected(@TempDir Path models) throws IOException {
        writeCard(models, "sneaky", "model.json",
                ", \"weightShards\" : [ { \"file\" : \"../other/shard.bin\", \"sha256\" : \"00\" } ]");

        assertThrows(ModelLoadException.class, () -> ModelCatalog.fromDirectory(models));
    }

    @Test
    void aDirectoryCatalogFindsEveryFolderWithACardAndIgnoresUnknownFields(@TempDir Path models) throws IOException {
        writeCard(models, "b-model", "b-model.params", ", \"futureField\" : 1");
        writeCard(models, "a-model", "a-model.params", "");
        Files.createDirectories(models.resolve("not-a-model"));

        var catalog = ModelCatalog.fromDirectory(models);

        assertEquals(List.of("a-model", "b-model"), catalog.cards().stream().map(ModelCard::id).toList());
        assertTrue(catalog.find("missing").isEmpty());
    }

    @Test
    void aCardWhoseWeightsPointOutsideItsFolderIsRejected(@TempDir Path models) throws IOException {
        writeCard(models, "sneaky", "../other/weights.params", "");

        assertThrows(ModelLoadException.class, () -> ModelCatalog.fromDirectory(models));
    }

    @Test
    void aCardFiledUnderAnotherIdIsRejected(@TempDir Path models) throws IOException {
        writeCard(models, "right", "right.params", "");
        Files.move(models.resolve("right"), models.resolve("wrong"));

        assertThrows(ModelLoadException.class, () -> ModelCatalog.fromDirectory(models));
    }

    private static void writeCard(Path models, String id, String weightsFile, String extra) throws IOException {
        Path folder = Files.createDirectories(models.resolve(id));
        Files.writeString(folder.resolve("card.json"), """
                { "id" : "%s", "version" : "1", "family" : "gan", "format" : "djl-params",
                  "architecture" : "dcgan-32", "weightsFile" : "%s", "weightsSha256" : "00"%s }
                """.formatted(id, weightsFile, extra));
    }
}
