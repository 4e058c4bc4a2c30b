package io.pinxit.recording;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.Tracer;
import io.pinxit.telemetry.Spans;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;

/**
 * Where a worker's time goes while it records artworks: {@code pinxit_recording_stage_seconds} per stage (generate
 * or paint, screen, sign, store, thumbnail, catalog) and {@code pinxit_recording_artworks_total}, so that the time of a stage per
 * artwork, and the next bottleneck, can be read from the worker's metrics; and a span per stage, so that one job's
 * trace shows where its time went.
 */
@ApplicationScoped
public class RecordingStages {

    private final MeterRegistry metrics;
    private final Tracer tracer;
    private final Counter artworks;

    RecordingStages(MeterRegistry metrics, Tracer tracer) {
        this.metrics = metrics;
        this.tracer = tracer;
        this.artworks = Counter.builder("pinxit.recording.artworks").description("Artworks recorded")
                .register(metrics);
    }

    /** Runs one stage's work in a span named after the stage, and adds its wall time to the stage's timer. */
    public <T> T time(String stage, Supplier<T> work) {
        Timer timer = Timer.builder("pinxit.recording.stage").tag("stage", stage)
                .description("Wall time of each stage of making and recording artworks").register(metrics);
        return Spans.within(tracer, stage, () -> timer.record(work));
    }

    void recorded(int count) {
        artworks.increment(count);
    }
}
