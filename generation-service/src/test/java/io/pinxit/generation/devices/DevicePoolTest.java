package io.pinxit.generation.devices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import io.pinxit.inference.ImageGenerator;
import io.pinxit.inference.LatentImageGenerator;
import io.pinxit.inference.ModelCatalog;
import io.pinxit.inference.ModelLoadException;
import io.pinxit.infra.testing.LocalInfrastructureTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Device selection with two GPUs this machine does not have: the pool is given {@code gpu(0)} and {@code gpu(1)} and
 * loads their models onto the CPU, so placement, load failures and accounting run through the interface a GPU uses.
 * A Quarkus test for the same reason as {@link GeneratorCacheTest}.
 */
@QuarkusTest
@WithTestResource(LocalInfrastructureTestResource.class)
class DevicePoolTest {

    private static final List<Device> TWO_GPUS = List.of(Device.gpu(0), Device.gpu(1));
    private static final BiFunction<ModelSource, Device, ImageGenerator> ON_THE_CPU =
            (source, device) -> source.loadOn(Device.cpu());

    @TempDir
    static Path models;

    static TinyModels tiny;

    @BeforeAll
    static void layOutModels() {
        tiny = TinyModels.in(models);
    }

    @Test
    void aCallGoesToTheLeastBusyDeviceAndEachDeviceCountsItsOwnWork() throws Exception {
        try (var pool = new DevicePool(TWO_GPUS, Long.MAX_VALUE, ON_THE_CPU)) {
            var started = new CountDownLatch(1);
            var release = new CountDownLatch(1);
            var held = CompletableFuture.supplyAsync(() -> pool.run(tiny.torchScript(), 2, generator -> {
                started.countDown();
                await(release);
                return generator.generate(1, 2);
            }));
            assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
            var first = device(pool, 0);
            var second = device(pool, 1);
            assertThat(first.calls()).isEqualTo(1);

            pool.generatorOf(tiny.torchScript()).generate(1, 3);
            assertThat(second.batches()).isEqualTo(1);
            assertThat(second.pictures()).isEqualTo(3);
            assertThat(first.batches()).isZero();

            release.countDown();
            assertThat(held.get(30, TimeUnit.SECONDS)).hasSize(2);
            assertThat(first.calls()).isZero();
            assertThat(first.pictures()).isEqualTo(2);
            assertThat(first.busySeconds()).isPositive();
            assertThat(first.modelBytes()).isEqualTo(tiny.torchScript().bytes());
        }
    }

    @Test
    void amongDevicesEquallyBusyOneThatHoldsTheModelIsChosen() {
        long roomForOneModel = Math.max(tiny.torchScript().bytes(), tiny.onnx().bytes());
        try (var pool = new DevicePool(TWO_GPUS, roomForOneModel, ON_THE_CPU)) {
            assertThat(pool.load(tiny.torchScript())).isTrue();
            pool.generatorOf(tiny.onnx()).generate(1, 1);
            assertThat(device(pool, 0).loadedModelIds()).containsExactly("tiny-onnx");

            pool.generatorOf(tiny.torchScript()).generate(1, 1);

            assertThat(device(pool, 1).batches()).isEqualTo(1);
            assertThat(device(pool, 0).loadedModelIds()).containsExactly("tiny-onnx");
        }
    }

    @Test
    void aDeviceOnWhichAModelFailsToLoadStopsServingItAndTheOthersTakeItsCalls() {
        BiFunction<ModelSource, Device, ImageGenerator> firstGpuBroken = (source, device) -> {
            if (device.equals(Device.gpu(0))) {
                throw new ModelLoadException("CUDA error: out of memory");
            }
            return source.loadOn(Device.cpu());
        };
        try (var pool = new DevicePool(TWO_GPUS, Long.MAX_VALUE, firstGpuBroken)) {
            assertThat(pool.load(tiny.torchScript())).isTrue();
            assertThat(device(pool, 0).serves("tiny-torchscript")).isFalse();

            var generator = pool.generatorOf(tiny.onnx());
            generator.generate(1, 1);
            generator.generate(2, 1);

            assertThat(device(pool, 0).serves("tiny-onnx")).isFalse();
            assertThat(device(pool, 0).batches()).isZero();
            assertThat(device(pool, 1).batches()).isEqualTo(2);
            assertThat(pool.serves("tiny-onnx")).isTrue();
        }
    }

    @Test
    void aModelNoDeviceCanLoadIsNotServedAndItsCallsSaySo() {
        BiFunction<ModelSource, Device, ImageGenerator> noDeviceWorks = (source, device) -> {
            throw new ModelLoadException("CUDA driver not found");
        };
        try (var pool = new DevicePool(TWO_GPUS, Long.MAX_VALUE, noDeviceWorks)) {
            assertThat(pool.load(tiny.onnx())).isFalse();
            assertThat(pool.serves("tiny-onnx")).isFalse();
            assertThatThrownBy(() -> pool.generatorOf(tiny.onnx()).generate(1, 1))
                    .isInstanceOf(ModelLoadException.class)
                    .hasMessageContaining("No device of this worker can load model 'tiny-onnx'");
        }
    }

    @Test
    void aVaesHandleReachesItsLatentSpaceOnWhicheverDeviceTakesTheCall() {
        var shipped = ModelCatalog.fromClasspath();
        var vae = ModelSource.of(shipped.find("emoji-vae").orElseThrow(), shipped);
        try (var pool = new DevicePool(TWO_GPUS, 1, ON_THE_CPU)) {
            ImageGenerator handle = pool.generatorOf(vae);

            assertThat(handle).isInstanceOf(LatentImageGenerator.class);
            var latent = (LatentImageGenerator) handle;
            assertThat(latent.decode(latent.pointsOf(3, 2, "flags")).get(1).png())
                    .isEqualTo(handle.generate(3, 2, "flags").get(1).png());
            assertThat(pool.generatorOf(tiny.torchScript())).isNotInstanceOf(LatentImageGenerator.class);
        }
    }

    private static ServingDevice device(DevicePool pool, int index) {
        return pool.devices().get(index);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
