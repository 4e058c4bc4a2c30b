package io.pinxit.telemetry;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import java.util.function.Supplier;

/** Work done in a span of its own, a child of the current one, marked failed if the work throws. */
public final class Spans {

    private Spans() {
    }

    public static <T> T within(Tracer tracer, String name, Supplier<T> work) {
        Span span = tracer.spanBuilder(name).startSpan();
        try (Scope inSpan = span.makeCurrent()) {
            return work.get();
        } catch (RuntimeException e) {
            span.setStatus(StatusCode.ERROR, e.getMessage());
            throw e;
        } finally {
            span.end();
        }
    }

    public static void within(Tracer tracer, String name, Runnable work) {
        within(tracer, name, () -> {
            work.run();
            return null;
        });
    }
}
