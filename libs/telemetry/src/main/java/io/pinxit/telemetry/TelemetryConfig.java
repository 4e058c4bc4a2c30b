package io.pinxit.telemetry;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.util.Optional;

/** Where a service's spans go (see {@link TraceExport}); both off by default. */
@ConfigMapping(prefix = "pinxit.telemetry")
public interface TelemetryConfig {

    /**
     * Whether spans are written to {@code traces/<service>.jsonl} under the working directory as OTLP JSON, one line
     * per batch; on in the {@code local} profile ({@code ./pinxit up}), where {@code ./pinxit trace JOB} reads it.
     */
    @WithDefault("false")
    boolean traceFile();

    /** An OTLP/HTTP traces endpoint (for example {@code http://collector:4318/v1/traces}) to send spans to. */
    Optional<URI> otlpTracesEndpoint();
}
