package io.pinxit.generation.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pinxit.infra.testing.LocalInfrastructureTestResource;
import io.pinxit.inference.GeneratedImage;
import io.pinxit.inference.ImageGenerator;
import io.pinxit.inference.LatentImageGenerator;
import io.pinxit.inference.ModelCard;
import io.pinxit.inference.ModelCatalog;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The model cache on real generators (the registry fixtures), loaded through the one loading path. A Quarkus test
 * only because the engines' native libraries can be loaded by one class loader per JVM, and the worker's tests
 * share this JVM.
 */
@QuarkusTest
@WithTestResource(LocalInfrastructureTestResource.class)
class GeneratorCacheTest {

    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @TempDir
    static Path models;

    private static GeneratorCache.Source torchScript;
    private static GeneratorCache.Source onnx;

    @BeforeAll
    static void layOutModels() throws IOException {
        for (String id : List.of("tiny-torchscript", "tiny-onnx")) {
            ModelCard card = JSON.readValue(resource(id + ".card.json"), ModelCard.class);
            Path folder = Files.createDirectories(models.resolve(id));
            Files.write(folder.resolve(card.weightsFile()), resource(card.weightsFile()));
            JSON.writeValue(folder.resolve("card.json").toFile(), card);
        }
        var catalog = ModelCatalog.fromDirectory(models);
        torchScript = GeneratorCache.Source.of(catalog.find("tiny-torchscript").orElseThrow(), catalog);
        onnx = GeneratorCache.Source.of(catalog.find("tiny-onnx").orElseThrow(), catalog);
    }

    @Test
    void theLeastRecentlyUsedModelIsUnloadedBeyondTheBudgetAndLoadedAgainWhenAskedFor() {
        try (var cache = new GeneratorCache(Math.max(torchScript.bytes(), onnx.bytes()))) {
            ImageGenerator first = cache.generatorOf(torchScript);
            ImageGenerator second = cache.generatorOf(onnx);

            List<GeneratedImage> before = first.generate(42, 2);
            assertThat(cache.loadedModelIds()).containsExactly("tiny-torchscript");

            second.generate(42, 2);
            assertThat(cache.loadedModelIds()).containsExactly("tiny-onnx");

            List<GeneratedImage> reloaded = first.generate(42, 2);
            assertThat(cache.loadedModelIds()).containsExactly("tiny-torchscript");
            assertThat(cache.loadedBytes()).isEqualTo(torchScript.bytes());
            assertThat(reloaded.get(1).png()).isEqualTo(before.get(1).png());
        }
    }

    @Test
    void modelsThatFitTheBudgetStayLoadedInOrderOfUse() {
        try (var cache = new GeneratorCache(torchScript.bytes() + onnx.bytes())) {
            cache.generatorOf(onnx).generate(1, 1);
            cache.generatorOf(torchScript).generate(1, 1);
            cache.generatorOf(onnx).generate(2, 1);

            assertThat(cache.loadedModelIds()).containsExactly("tiny-torchscript", "tiny-onnx");
        }
    }

    @Test
    void aModelBiggerThanTheBudgetIsStillServedAlone() {
        try (var cache = new GeneratorCache(1)) {
            cache.generatorOf(onnx).generate(1, 1);
            assertThat(cache.generatorOf(torchScript).generate(1, 1)).hasSize(1);

            assertThat(cache.loadedModelIds()).containsExactly("tiny-torchscript");
        }
    }

    @Test
    void aVaesHandleReachesItsLatentSpaceThroughTheCache() {
        var shipped = ModelCatalog.fromClasspath();
        var vae = GeneratorCache.Source.of(shipped.find("emoji-vae").orElseThrow(), shipped);
        try (var cache = new GeneratorCache(1)) {
            ImageGenerator handle = cache.generatorOf(vae);

            assertThat(handle).isInstanceOf(LatentImageGenerator.class);
            var latent = (LatentImageGenerator) handle;
            assertThat(latent.decode(latent.pointsOf(3, 2, "flags")).get(1).png())
                    .isEqualTo(handle.generate(3, 2, "flags").get(1).png());
            assertThat(cache.generatorOf(torchScript)).isNotInstanceOf(LatentImageGenerator.class);
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = GeneratorCacheTest.class.getResourceAsStream("/registry-fixtures/" + name)) {
            if (in == null) {
                throw new IOException("No test resource registry-fixtures/" + name);
            }
            return in.readAllBytes();
        }
    }
}
