package io.pinxit.gateway.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pinxit.contracts.JobKind;
import io.pinxit.contracts.JobLane;
import io.pinxit.contracts.JobState;
import io.pinxit.contracts.Sha256;
import io.pinxit.contracts.TimeOrderedIds;
import io.pinxit.problem.Problem;
import io.pinxit.problem.ProblemException;
import io.pinxit.telemetry.JobTracing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * How every job is accepted: once per Idempotency-Key, with its command put in the outbox in the submitter's database
 * transaction. The command reaches Kafka after the commit ({@link CommandOutbox}), so an accepted job always gets its
 * command, even while the broker is down, and no command exists without its job.
 */
@ApplicationScoped
public class JobAcceptance {

    private final JobStore jobs;
    private final CommandOutbox outbox;
    private final OpenJobQuota quota;
    private final Webhooks webhooks;
    private final TimeOrderedIds ids;
    private final ObjectMapper json;

    JobAcceptance(JobStore jobs, CommandOutbox outbox, OpenJobQuota quota, Webhooks webhooks, TimeOrderedIds ids,
                  ObjectMapper json) {
        this.jobs = jobs;
        this.outbox = outbox;
        this.quota = quota;
        this.webhooks = webhooks;
        this.ids = ids;
        this.json = json;
    }

    /**
     * The job submitted earlier with the same Idempotency-Key and {@code request}, or else what {@code submit} makes
     * of a new one, recorded under the key.
     */
    Submission once(Author author, Optional<String> idempotencyKey, Object request,
                    Function<Optional<IdempotencyKey>, Submission> submit) {
        Optional<IdempotencyKey> key = idempotencyKey.map(value -> idempotencyKey(author, value, request));
        return key.flatMap(this::earlierSubmission).orElseGet(() -> submit.apply(key));
    }

    /** Records a new job, queued in the bulk lane, with the command that {@code command} makes for it. */
    Submission accept(JobKind kind, Author author, Map<String, Object> request, Optional<IdempotencyKey> key,
                      Instant now, Function<Job, Object> command) {
        return accept(kind, JobLane.BULK, author, request, key, now, command);
    }

    /**
     * Records a new job, queued in {@code lane}, with the command that {@code command} makes for it, if the author
     * may have another job open and may be called at the webhook the request names, if any.
     */
    Submission accept(JobKind kind, JobLane lane, Author author, Map<String, Object> request,
                      Optional<IdempotencyKey> key, Instant now, Function<Job, Object> command) {
        // The webhook first: a request refused for it must not wait for, or hold, the author's quota lock.
        if (request.get("webhook") instanceof String webhook) {
            webhooks.requireJobWebhook(author.id(), webhook);
        }
        quota.requireRoomFor(author);
        Job job = new Job(ids.next(), kind, JobState.QUEUED, author.id(), request, List.of(), null, null, null, 1,
                null, now, now, lane);
        JobTracing.tag(job.id());
        jobs.insert(job, command.apply(job), key);
        outbox.add(job.id(), now);
        return new Submission(job, false);
    }

    /** Answers a submission that lost a race with another one under the same Idempotency-Key. */
    @Transactional
    public Submission replay(Object request, Author author, String idempotencyKey) {
        return earlierSubmission(idempotencyKey(author, idempotencyKey, request))
                .orElseThrow(() -> new IllegalStateException("Idempotency-Key vanished: " + idempotencyKey));
    }

    /** Keys are the client's own: two authors may use the same key without meeting. */
    private IdempotencyKey idempotencyKey(Author author, String key, Object request) {
        return new IdempotencyKey(author.id() + "/" + key, fingerprint(request));
    }

    private Optional<Submission> earlierSubmission(IdempotencyKey key) {
        return jobs.findByIdempotencyKey(key.value()).map(earlier -> {
            if (!earlier.getValue().equals(key.requestFingerprint())) {
                throw new ProblemException(Problem.of(GatewayProblems.IDEMPOTENCY_KEY_REUSED,
                        "The Idempotency-Key was first used for job " + earlier.getKey().id()
                                + " with a different request; use a new key for a new request"));
            }
            return new Submission(earlier.getKey(), true);
        });
    }

    private String fingerprint(Object request) {
        try {
            return Sha256.hex(json.writeValueAsString(request));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot fingerprint a request", e);
        }
    }
}
