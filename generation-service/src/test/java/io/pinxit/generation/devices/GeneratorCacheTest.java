package io.pinxit.generation.devices;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import io.pinxit.infra.testing.LocalInfrastructureTestResource;
import io.pinxit.inference.GeneratedImage;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One device's model cache on real generators (the registry fixtures), loaded through the one loading path. A Quarkus
 * test only because the engines' native libraries can be loaded by one class loader per JVM, and the worker's tests
 * share this JVM.
 */
@QuarkusTest
@WithTestResource(LocalInfrastructureTestResource.class)
class GeneratorCacheTest {

    @TempDir
    static Path models;

    static ModelSource torchScript;
    static ModelSource onnx;

    @BeforeAll
    static void layOutModels() {
        var tiny = TinyModels.in(models);
        torchScript = tiny.torchScript();
        onnx = tiny.onnx();
    }

    @Test
    void theLeastRecentlyUsedModelIsUnloadedBeyondTheBudgetAndLoadedAgainWhenAskedFor() {
        try (var cache = onTheCpu(Math.max(torchScript.bytes(), onnx.bytes()))) {
            List<GeneratedImage> before = cache.use(torchScript, generator -> generator.generate(42, 2));
            assertThat(cache.loadedModelIds()).containsExactly("tiny-torchscript");

            cache.use(onnx, generator -> generator.generate(42, 2));
            assertThat(cache.loadedModelIds()).containsExactly("tiny-onnx");

            List<GeneratedImage> reloaded = cache.use(torchScript, generator -> generator.generate(42, 2));
            assertThat(cache.loadedModelIds()).containsExactly("tiny-torchscript");
            assertThat(cache.loadedBytes()).isEqualTo(torchScript.bytes());
            assertThat(reloaded.get(1).png()).isEqualTo(before.get(1).png());
        }
    }

    @Test
    void modelsThatFitTheBudgetStayLoadedInOrderOfUse() {
        try (var cache = onTheCpu(torchScript.bytes() + onnx.bytes())) {
            cache.use(onnx, generator -> generator.generate(1, 1));
            cache.use(torchScript, generator -> generator.generate(1, 1));
            cache.use(onnx, generator -> generator.generate(2, 1));

            assertThat(cache.loadedModelIds()).containsExactly("tiny-torchscript", "tiny-onnx");
        }
    }

    @Test
    void aModelBiggerThanTheBudgetIsStillServedAlone() {
        try (var cache = onTheCpu(1)) {
            cache.use(onnx, generator -> generator.generate(1, 1));
            List<GeneratedImage> made = cache.use(torchScript, generator -> generator.generate(1, 1));
            assertThat(made).hasSize(1);

            assertThat(cache.loadedModelIds()).containsExactly("tiny-torchscript");
        }
    }

    private static GeneratorCache onTheCpu(long maxBytes) {
        return new GeneratorCache(maxBytes, source -> source.loadOn(Device.cpu()));
    }
}
