package io.pinxit.telemetry;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A trace context kept as a W3C {@code traceparent} string, for work that leaves the thread (and the transaction) it
 * was traced on: a command that waits in the outbox before the relay publishes it.
 */
public final class TraceParents {

    private static final String HEADER = "traceparent";
    private static final TextMapGetter<String> AS_HEADER = new TextMapGetter<>() {

        @Override
        public Iterable<String> keys(String traceParent) {
            return List.of(HEADER);
        }

        @Override
        public String get(String traceParent, String key) {
            return HEADER.equals(key) ? traceParent : null;
        }
    };

    private TraceParents() {
    }

    /** The current span's traceparent, or null where no span is current. */
    public static String current() {
        Map<String, String> headers = new HashMap<>();
        W3CTraceContextPropagator.getInstance().inject(Context.current(), headers, Map::put);
        return headers.get(HEADER);
    }

    /** The context a traceparent names, to continue its trace; the root context for null or a malformed one. */
    public static Context context(String traceParent) {
        return traceParent == null ? Context.root()
                : W3CTraceContextPropagator.getInstance().extract(Context.root(), traceParent, AS_HEADER);
    }
}
