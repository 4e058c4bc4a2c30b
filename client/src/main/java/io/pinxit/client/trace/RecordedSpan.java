package io.pinxit.client.trace;

import java.time.Duration;
import java.util.Map;

/**
 * One span as a service wrote it to its trace file.
 *
 * @param parentSpanId empty for a trace's root
 * @param failed       whether the span ended with an error status
 */
public record RecordedSpan(String traceId, String spanId, String parentSpanId, String service, String name,
                           long startNanos, long endNanos, Map<String, String> attributes, boolean failed) {

    public RecordedSpan {
        attributes = Map.copyOf(attributes);
    }

    public Duration duration() {
        return Duration.ofNanos(endNanos - startNanos);
    }
}
