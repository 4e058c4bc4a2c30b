package io.pinxit.gateway.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.pinxit.contracts.JobKind;
import io.pinxit.contracts.JobState;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Counts how jobs end, for dashboards and alerts: {@code pinxit_jobs_finished_total{kind, state}}, and how long they
 * took from submission, {@code pinxit_jobs_duration_seconds{kind, state}} (buckets from 0.1 s to an hour). Every
 * series exists from the start, at zero, so rates and ratios are defined before the first failure. Each gateway
 * counts the endings it applies; summed over gateways, each job counts once.
 */
@ApplicationScoped
public class JobOutcomes {

    private static final Duration[] BUCKETS = {Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
        Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10),
        Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15),
        Duration.ofHours(1)};

    private record Ending(JobKind kind, JobState state) {
    }

    private final Map<Ending, Counter> finished = new HashMap<>();
    private final Map<Ending, Timer> durations = new HashMap<>();

    JobOutcomes(MeterRegistry metrics) {
        for (JobKind kind : JobKind.values()) {
            for (JobState state : JobState.values()) {
                if (!state.isTerminal()) {
                    continue;
                }
                String kindTag = kind.name().toLowerCase(Locale.ROOT);
                String stateTag = state.name().toLowerCase(Locale.ROOT);
                Ending ending = new Ending(kind, state);
                finished.put(ending, Counter.builder("pinxit.jobs.finished").description("Jobs that ended")
                        .tags("kind", kindTag, "state", stateTag).register(metrics));
                durations.put(ending, Timer.builder("pinxit.jobs.duration")
                        .description("From a job's submission to its end").tags("kind", kindTag, "state", stateTag)
                        .serviceLevelObjectives(BUCKETS).register(metrics));
            }
        }
    }

    /** A job that has just ended. */
    public void ended(Job job) {
        Ending ending = new Ending(job.kind(), job.state());
        finished.get(ending).increment();
        durations.get(ending).record(Duration.between(job.createdAt(), job.updatedAt()));
    }
}
