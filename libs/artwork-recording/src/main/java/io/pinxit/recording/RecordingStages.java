package io.pinxit.recording;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;

/**
 * Where a worker's time goes while it records artworks: {@code pinxit_recording_stage_seconds} per stage (generate,
 * sign, store, thumbnail, embed, catalog) and {@code pinxit_recording_artworks_total}, so that the time of a stage per
 * artwork, and the next bottleneck, can be read from the worker's metrics.
 */
@ApplicationScoped
public class RecordingStages {

    private final MeterRegistry metrics;
    private final Counter artworks;

    RecordingStages(MeterRegistry metrics) {
        this.metrics = metrics;
        this.artworks = Counter.builder("pinxit.recording.artworks").description("Artworks recorded")
                .register(metrics);
    }

    /** Runs one stage's work and adds its wall time to the stage's timer. */
    public <T> T time(String stage, Supplier<T> work) {
        return Timer.builder("pinxit.recording.stage").tag("stage", stage)
                .description("Wall time of each stage of making and recording artworks").register(metrics)
                .record(work);
    }

    void recorded(int count) {
        artworks.increment(count);
    }
}
