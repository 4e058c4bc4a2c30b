package io.pinxit.jobevents;

import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.pinxit.contracts.JobEvent;
import io.pinxit.contracts.JobFailure;
import io.pinxit.contracts.JobKind;
import io.pinxit.delivery.RetryBudgetSpentException;
import io.pinxit.delivery.Retrying;
import io.pinxit.telemetry.JobTracing;
import io.pinxit.telemetry.Spans;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * How every worker runs a job and reports it to the gateway: RUNNING, a heartbeat every
 * {@code pinxit.job-execution.heartbeat-every} while it works (the gateway's lease on the job), then the outcome.
 * <ul>
 *   <li>A transient fault (a dependency down: see {@code TransientFaults}) runs the job again, with backoff, within
 *   the retry budget; the command stays unacknowledged meanwhile. The job is safe to repeat: each (job, item) is
 *   recorded once.</li>
 *   <li>Any other fault, or an outage that outlasts the budget, is reported as FAILED and rethrown, so that the
 *   command goes to the dead-letter topic, from where an operator may replay it.</li>
 *   <li>Reports are retried like the work: a job's outcome is never dropped because Kafka blinked.</li>
 *   <li>On shutdown, a job is finished or handed back to the next worker (see {@link ShutdownDrain}), never failed.</li>
 *   <li>A cancelled job (see {@link CancelledJobs}) is not started, and one that is cancelled while it runs stops at
 *   its next item or step; neither is reported, since the gateway cancelled it, and its command is acknowledged.</li>
 * </ul>
 * The job runs in a span of its own (in the trace its command carried), with its id on the span and on its log lines.
 */
@ApplicationScoped
public class JobExecution {

    private static final Logger LOG = Logger.getLogger(JobExecution.class);
    static final String DEPENDENCY_UNAVAILABLE = "urn:pinxit:problem:dependency-unavailable";

    private final JobEventPublisher events;
    private final Retrying retrying;
    private final ShutdownDrain drain;
    private final CancelledJobs cancelled;
    private final Clock clock;
    private final Tracer tracer;
    private final String workerId;
    private final Duration heartbeatEvery;
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "job-heartbeats");
        thread.setDaemon(true);
        return thread;
    });

    JobExecution(JobEventPublisher events, Retrying retrying, ShutdownDrain drain, CancelledJobs cancelled, Clock clock,
                 Tracer tracer, @ConfigProperty(name = "pinxit.worker.id") String workerId, JobExecutionConfig config) {
        this.events = events;
        this.retrying = retrying;
        this.drain = drain;
        this.cancelled = cancelled;
        this.clock = clock;
        this.tracer = tracer;
        this.workerId = workerId;
        this.heartbeatEvery = config.heartbeatEvery();
    }

    /**
     * Runs {@code work}, which returns the job's outcome event, and reports it.
     *
     * @param failureOf what a fault that is the job's own says to its author
     */
    public void run(UUID jobId, JobKind kind, Supplier<JobEvent> work, Function<RuntimeException, JobFailure> failureOf) {
        Spans.within(tracer, kind.name().toLowerCase(Locale.ROOT) + " job", () -> {
            try (var named = JobTracing.onJob(jobId)) {
                runTraced(jobId, kind, work, failureOf);
            }
        });
    }

    private void runTraced(UUID jobId, JobKind kind, Supplier<JobEvent> work,
                           Function<RuntimeException, JobFailure> failureOf) {
        try (var inHand = drain.admit(); var heartbeat = heartbeat(jobId, kind)) {
            JobEvent outcome = retrying.call(kind + " job " + jobId, () -> {
                cancelled.checkpoint(jobId);
                events.publish(JobEvent.running(jobId, kind, workerId, clock.instant()));
                return work.get();
            });
            retrying.run("Reporting job " + jobId, () -> events.publish(outcome));
        } catch (JobCancelledException e) {
            LOG.infof("%s job %s was cancelled; it stops here", kind, jobId);
        } catch (RuntimeException e) {
            if (drain.isDraining()) {
                throw drain.handBack();
            }
            LOG.errorf(e, "%s job %s failed", kind, jobId);
            JobFailure failure = e instanceof RetryBudgetSpentException spent ? dependencyUnavailable(spent)
                    : failureOf.apply(e);
            retrying.run("Reporting the failure of job " + jobId,
                    () -> events.publish(JobEvent.failed(jobId, kind, failure, workerId, clock.instant())));
            throw e;
        }
    }

    private static JobFailure dependencyUnavailable(RetryBudgetSpentException spent) {
        return new JobFailure(DEPENDENCY_UNAVAILABLE, "A service the job needs stayed unavailable",
                spent.getMessage() + "; an operator can replay the job from its dead letter");
    }

    private Heartbeat heartbeat(UUID jobId, JobKind kind) {
        long every = heartbeatEvery.toMillis();
        Runnable beat = () -> events.publishHeartbeat(JobEvent.running(jobId, kind, workerId, clock.instant()));
        return new Heartbeat(heartbeats.scheduleAtFixedRate(Context.current().wrap(beat), every, every,
                TimeUnit.MILLISECONDS));
    }

    @PreDestroy
    void stopHeartbeats() {
        heartbeats.shutdownNow();
    }

    /** Renews the job's lease at the gateway until the job ends. */
    private record Heartbeat(ScheduledFuture<?> beating) implements AutoCloseable {

        @Override
        public void close() {
            beating.cancel(false);
        }
    }
}
