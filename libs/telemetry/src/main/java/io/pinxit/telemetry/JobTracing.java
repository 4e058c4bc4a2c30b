package io.pinxit.telemetry;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import java.util.UUID;
import org.jboss.logging.MDC;

/**
 * Puts a job's id where an operator looks for it: on the current span ({@link #JOB_ID}, by which
 * {@code ./pinxit trace JOB} finds the job's trace) and on every log line written until the returned scope closes
 * (the MDC's {@value #MDC_KEY}, a field of each JSON log line).
 */
public final class JobTracing {

    public static final AttributeKey<String> JOB_ID = AttributeKey.stringKey("pinxit.job.id");
    public static final String MDC_KEY = "jobId";

    private JobTracing() {
    }

    /** Names the job on the current span and, until the scope closes, on log lines. */
    public static JobScope onJob(UUID jobId) {
        tag(jobId);
        MDC.put(MDC_KEY, jobId.toString());
        return () -> MDC.remove(MDC_KEY);
    }

    /** Names the job on the current span only: for a request that, among other things, makes a job. */
    public static void tag(UUID jobId) {
        Span.current().setAttribute(JOB_ID, jobId.toString());
    }

    /** While it is open, log lines name the job. */
    @FunctionalInterface
    public interface JobScope extends AutoCloseable {

        @Override
        void close();
    }
}
