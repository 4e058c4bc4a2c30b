package io.pinxit.generation.devices;

import ai.djl.Device;
import io.pinxit.inference.GeneratedImage;
import io.pinxit.inference.ImageGenerator;
import io.pinxit.inference.LatentImageGenerator;
import io.pinxit.inference.LatentPoint;
import io.pinxit.inference.ModelCard;
import io.pinxit.inference.ModelLoadException;
import java.awt.image.BufferedImage;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * The devices this worker runs generators on. Each loads a model at most once, within its own memory budget. Every
 * call goes to the least busy device that serves its model, one that holds it loaded first among equals. A device on
 * which a model fails to load stops serving that model (logged once) and the call moves to another device.
 */
public final class DevicePool implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(DevicePool.class);

    private final List<ServingDevice> devices;

    /**
     * {@code loading} loads a model onto a device and throws a ModelLoadException when it cannot; tests give it a
     * list of devices the build machine lacks and load them onto its CPU.
     */
    DevicePool(List<Device> devices, long maxModelBytesPerDevice,
               BiFunction<ModelSource, Device, ImageGenerator> loading) {
        if (devices.isEmpty()) {
            throw new IllegalArgumentException("A device pool needs at least one device");
        }
        this.devices = devices.stream()
                .map(device -> new ServingDevice(device, maxModelBytesPerDevice,
                        source -> loading.apply(source, device)))
                .toList();
    }

    /** Loads models onto {@code devices} through the one loading path, within {@code maxModelBytesPerDevice} each. */
    public static DevicePool of(List<Device> devices, long maxModelBytesPerDevice) {
        return new DevicePool(devices, maxModelBytesPerDevice, ModelSource::loadOn);
    }

    public List<ServingDevice> devices() {
        return devices;
    }

    /** Loads the model on every device that serves it; true when at least one device still serves it. */
    public boolean load(ModelSource source) {
        for (ServingDevice device : devices) {
            if (device.serves(source.modelId())) {
                try {
                    device.run(source, 0, generator -> generator);
                } catch (ModelLoadException e) {
                    refuse(device, source, e);
                }
            }
        }
        return serves(source.modelId());
    }

    public boolean serves(String modelId) {
        return devices.stream().anyMatch(device -> device.serves(modelId));
    }

    /**
     * A generator whose every call is placed on a device of this pool, so it stays usable however often its model is
     * unloaded or moved; a VAE's is a {@link LatentImageGenerator}, as the loaded model is.
     */
    public ImageGenerator generatorOf(ModelSource source) {
        return ModelCard.VAE_FAMILY.equals(source.card().family())
                ? new PooledLatentGenerator(source) : new PooledGenerator(source);
    }

    @Override
    public void close() {
        devices.forEach(ServingDevice::close);
    }

    /**
     * Runs {@code work} on the least busy device that serves the model.
     *
     * @throws ModelLoadException when no device can load it
     */
    <T> T run(ModelSource source, int pictureCount, Function<ImageGenerator, T> work) {
        while (true) {
            ServingDevice device = claim(source.modelId());
            try {
                return device.run(source, pictureCount, work);
            } catch (ModelLoadException e) {
                refuse(device, source, e);
            } finally {
                device.leave();
            }
        }
    }

    private synchronized ServingDevice claim(String modelId) {
        ServingDevice chosen = devices.stream()
                .filter(device -> device.serves(modelId))
                .min(Comparator.comparingInt(ServingDevice::calls)
                        .thenComparingInt(device -> device.holds(modelId) ? 0 : 1))
                .orElseThrow(() -> new ModelLoadException(
                        "No device of this worker can load model '%s'".formatted(modelId)));
        chosen.enter();
        return chosen;
    }

    private static void refuse(ServingDevice device, ModelSource source, ModelLoadException failure) {
        if (device.refuse(source.modelId())) {
            LOG.errorf(failure, "Model %s %s did not load on %s; that device no longer serves it",
                    source.modelId(), source.card().version(), device.name());
        }
    }

    private class PooledGenerator implements ImageGenerator {

        final ModelSource source;

        PooledGenerator(ModelSource source) {
            this.source = source;
        }

        @Override
        public ModelCard card() {
            return source.card();
        }

        @Override
        public List<GeneratedImage> generate(long seed, int count) {
            return run(source, count, generator -> generator.generate(seed, count));
        }

        @Override
        public List<GeneratedImage> generate(long seed, int count, String label) {
            return run(source, count, generator -> generator.generate(seed, count, label));
        }

        @Override
        public List<GeneratedImage> generateFromPrompt(long seed, int count, String prompt) {
            return run(source, count, generator -> generator.generateFromPrompt(seed, count, prompt));
        }

        @Override
        public List<String> labels() {
            return source.card().labels();
        }

        /** The pool owns the loaded models; a caller closing its handle unloads nothing. */
        @Override
        public void close() {
        }
    }

    private final class PooledLatentGenerator extends PooledGenerator implements LatentImageGenerator {

        PooledLatentGenerator(ModelSource source) {
            super(source);
        }

        @Override
        public List<LatentPoint> pointsOf(long seed, int count, String label) {
            return run(source, 0, generator -> latent(generator).pointsOf(seed, count, label));
        }

        @Override
        public LatentPoint encode(BufferedImage picture, String label) {
            return run(source, 0, generator -> latent(generator).encode(picture, label));
        }

        @Override
        public List<GeneratedImage> decode(List<LatentPoint> points) {
            return run(source, points.size(), generator -> latent(generator).decode(points));
        }

        private static LatentImageGenerator latent(ImageGenerator generator) {
            return (LatentImageGenerator) generator;
        }
    }
}
