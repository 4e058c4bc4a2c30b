package io.pinxit.generation.devices;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

/**
 * Each device's work as Prometheus reads it: {@code rate(pinxit_device_busy_seconds_total[1m])} is its busy ratio,
 * {@code pinxit_device_queue} the calls waiting for or running on it, the batches and pictures it made, and the bytes
 * of the weights it holds.
 */
public final class DeviceMetrics {

    private DeviceMetrics() {
    }

    public static void register(DevicePool pool, MeterRegistry registry) {
        for (ServingDevice device : pool.devices()) {
            Tags tags = Tags.of("device", device.name());
            FunctionCounter.builder("pinxit.device.busy", device, ServingDevice::busySeconds)
                    .description("Time at least one call ran on the device").baseUnit("seconds").tags(tags)
                    .register(registry);
            Gauge.builder("pinxit.device.queue", device, ServingDevice::calls)
                    .description("Calls waiting for or running on the device").tags(tags).register(registry);
            FunctionCounter.builder("pinxit.device.batches", device, ServingDevice::batches)
                    .description("Forward passes that made pictures").tags(tags).register(registry);
            FunctionCounter.builder("pinxit.device.pictures", device, ServingDevice::pictures)
                    .description("Pictures the device made").tags(tags).register(registry);
            Gauge.builder("pinxit.device.model.memory", device, ServingDevice::modelBytes)
                    .description("Bytes of model weights loaded on the device").baseUnit("bytes").tags(tags)
                    .register(registry);
        }
    }
}
