package io.pinxit.telemetry;

import io.opentelemetry.exporter.logging.otlp.OtlpJsonLoggingSpanExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/**
 * The one exporter of every service's spans: the local trace file and/or an OTLP endpoint, as configured
 * ({@link TelemetryConfig}). Being a {@link SpanExporter} bean, it replaces Quarkus' own OTLP exporter, which would
 * otherwise send to localhost:4317 whether or not a collector listens there; so a service with neither configured
 * still traces (its log lines carry trace ids, its Kafka records the trace context) but exports nothing.
 */
@Singleton
public class TraceExport {

    @Produces
    @Singleton
    SpanExporter spanExporter(TelemetryConfig config) {
        List<SpanExporter> exporters = new ArrayList<>();
        if (config.traceFile()) {
            // Writes to java.util.logging; the "traces" file handler takes it (META-INF/microprofile-config.properties).
            exporters.add(OtlpJsonLoggingSpanExporter.create());
        }
        config.otlpTracesEndpoint().ifPresent(endpoint ->
                exporters.add(OtlpHttpSpanExporter.builder().setEndpoint(endpoint.toString()).build()));
        return SpanExporter.composite(exporters);
    }
}
