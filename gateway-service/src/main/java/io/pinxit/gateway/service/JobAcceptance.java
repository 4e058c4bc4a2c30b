package io.pinxit.gateway.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pinxit.contracts.JobKind;
import io.pinxit.contracts.JobState;
import io.pinxit.contracts.Sha256;
import io.pinxit.contracts.TimeOrderedIds;
import io.pinxit.gateway.config.GatewayConfig;
import io.pinxit.gateway.messaging.BrokerUnavailableException;
import io.pinxit.problem.Problem;
import io.pinxit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * How every job is accepted: once per Idempotency-Key, and only once its command is durably in Kafka. The job row is
 * written in the submitter's database transaction and the command published before it commits, so a broker failure
 * records nothing.
 */
@ApplicationScoped
public class JobAcceptance {

    private final JobStore jobs;
    private final TimeOrderedIds ids;
    private final ObjectMapper json;
    private final GatewayConfig config;

    JobAcceptance(JobStore jobs, TimeOrderedIds ids, ObjectMapper json, GatewayConfig config) {
        this.jobs = jobs;
        this.ids = ids;
        this.json = json;
        this.config = config;
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

    /** Records a new, queued job and publishes its command, which {@code publication} sends for the job. */
    Submission accept(JobKind kind, Author author, Map<String, Object> request, Optional<IdempotencyKey> key,
                      Instant now, Consumer<Job> publication) {
        Job job = new Job(ids.next(), kind, JobState.QUEUED, author.id(), request, List.of(), null, null, null, now,
                now);
        jobs.insert(job, key);
        try {
            publication.accept(job);
        } catch (BrokerUnavailableException e) {
            throw brokerUnavailable(e);
        }
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

    private ProblemException brokerUnavailable(BrokerUnavailableException cause) {
        long retryAfterSeconds = Math.max(1, config.retryAfter().toSeconds());
        Problem problem = Problem.of(GatewayProblems.BROKER_UNAVAILABLE,
                "The job was not accepted because the message broker did not confirm it; nothing was recorded. "
                        + "Retry later with the same Idempotency-Key.");
        return new ProblemException(problem, Map.of("Retry-After", Long.toString(retryAfterSeconds)), cause);
    }

    private String fingerprint(Object request) {
        try {
            return Sha256.hex(json.writeValueAsString(request));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot fingerprint a request", e);
        }
    }
}
