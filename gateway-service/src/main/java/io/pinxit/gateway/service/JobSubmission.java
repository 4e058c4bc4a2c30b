package io.pinxit.gateway.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pinxit.contracts.Authorship;
import io.pinxit.contracts.GenerationCommand;
import io.pinxit.contracts.JobKind;
import io.pinxit.contracts.JobState;
import io.pinxit.contracts.ServedModel;
import io.pinxit.contracts.Sha256;
import io.pinxit.contracts.TimeOrderedIds;
import io.pinxit.contracts.Visibility;
import io.pinxit.gateway.config.GatewayConfig;
import io.pinxit.gateway.messaging.BrokerUnavailableException;
import io.pinxit.gateway.messaging.CommandPublisher;
import io.pinxit.problem.Problem;
import io.pinxit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Accepts jobs. A job is accepted only once its command is durably in Kafka: the job row and the command are
 * written in one database transaction that commits after Kafka acknowledges, so a broker failure records nothing.
 */
@ApplicationScoped
public class JobSubmission {

    private final JobStore jobs;
    private final ServedModels servedModels;
    private final CommandPublisher commands;
    private final TimeOrderedIds ids;
    private final Clock clock;
    private final ObjectMapper json;
    private final GatewayConfig config;
    private final SecureRandom seeds = new SecureRandom();

    JobSubmission(JobStore jobs, ServedModels servedModels, CommandPublisher commands, TimeOrderedIds ids,
                  Clock clock, ObjectMapper json, GatewayConfig config) {
        this.jobs = jobs;
        this.servedModels = servedModels;
        this.commands = commands;
        this.ids = ids;
        this.clock = clock;
        this.json = json;
        this.config = config;
    }

    /** The outcome of a submission: the job, and whether it was made before under the same Idempotency-Key. */
    public record Submission(Job job, boolean replayed) {
    }

    /** The account that submits a job: the author of what it makes. */
    public record Author(UUID id, String name) {
    }

    @Transactional
    public Submission submitGeneration(GenerationRequest request, Author author, Optional<String> idempotencyKey) {
        Optional<IdempotencyKey> key = idempotencyKey.map(value -> idempotencyKey(author, value, request));
        Optional<Submission> earlier = key.flatMap(this::earlierSubmission);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        requireServed(request.model());
        long seed = request.seed() != null ? request.seed() : seeds.nextLong(GenerationRequest.MAX_SEED);
        Instant now = clock.instant();
        var authorship = new Authorship(author.id(), author.name(), request.title(), request.description(),
                request.licence() == null ? Authorship.ALL_RIGHTS_RESERVED : request.licence(),
                request.visibility() == null ? Visibility.PUBLIC : request.visibility());
        Map<String, Object> accepted = new LinkedHashMap<>();
        accepted.put("model", request.model());
        accepted.put("count", request.count());
        accepted.put("seed", seed);
        accepted.put("title", authorship.title());
        accepted.put("description", authorship.description());
        accepted.put("licence", authorship.licence());
        accepted.put("visibility", authorship.visibility());
        accepted.values().removeIf(Objects::isNull);
        Job job = new Job(ids.next(), JobKind.GENERATION, JobState.QUEUED, author.id(), accepted, List.of(), null,
                null, now, now);
        jobs.insert(job, key);
        try {
            commands.publish(GenerationCommand.of(job.id(), request.model(), request.count(), seed, authorship, now));
        } catch (BrokerUnavailableException e) {
            throw brokerUnavailable(e);
        }
        return new Submission(job, false);
    }

    /**
     * Re-runs the job that made an artwork, with the model, seed and count it recorded, to show whether the same
     * pixels come out again. Anyone who may see the artwork may ask.
     */
    @Transactional
    public Submission submitReproduction(UUID artworkId, Author author, boolean mayReadAnyJob) {
        Job original = jobs.findByArtwork(artworkId)
                .filter(job -> mayReadAnyJob || author.id().equals(job.authorId())
                        || !Visibility.PRIVATE.name().equals(job.request().get("visibility")))
                .orElseThrow(() -> new ProblemException(Problem.of(GatewayProblems.ARTWORK_NOT_FOUND,
                        "There is no artwork " + artworkId + " made by a job of this gateway")));
        String model = (String) original.request().get("model");
        int count = ((Number) original.request().get("count")).intValue();
        long seed = ((Number) original.request().get("seed")).longValue();
        Instant now = clock.instant();
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("reproductionOf", artworkId);
        request.put("model", model);
        request.put("count", count);
        request.put("seed", seed);
        Job job = new Job(ids.next(), JobKind.GENERATION, JobState.QUEUED, author.id(), request, List.of(), null,
                null, now, now);
        jobs.insert(job, Optional.empty());
        var authorship = new Authorship(author.id(), author.name(), null, null, Authorship.ALL_RIGHTS_RESERVED,
                Visibility.PRIVATE);
        try {
            commands.publish(GenerationCommand.reproducing(artworkId, job.id(), model, count, seed, authorship, now));
        } catch (BrokerUnavailableException e) {
            throw brokerUnavailable(e);
        }
        return new Submission(job, false);
    }

    /** Answers a submission that lost a race with another one under the same Idempotency-Key. */
    @Transactional
    public Submission replay(GenerationRequest request, Author author, String idempotencyKey) {
        return earlierSubmission(idempotencyKey(author, idempotencyKey, request))
                .orElseThrow(() -> new IllegalStateException("Idempotency-Key vanished: " + idempotencyKey));
    }

    /** Keys are the client's own: two authors may use the same key without meeting. */
    private IdempotencyKey idempotencyKey(Author author, String key, GenerationRequest request) {
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

    private void requireServed(String model) {
        List<ServedModel> served = servedModels.current(JobKind.GENERATION);
        if (served.stream().noneMatch(candidate -> candidate.id().equals(model))) {
            String known = served.isEmpty() ? "none is being served right now"
                    : served.stream().map(ServedModel::id).collect(Collectors.joining(", "));
            String message = "is not a served model; served models: " + known;
            throw new ProblemException(Problem.of(GatewayProblems.UNKNOWN_MODEL, "model '" + model + "' " + message,
                    List.of(new Problem.FieldError("model", message))));
        }
    }

    private ProblemException brokerUnavailable(BrokerUnavailableException cause) {
        long retryAfterSeconds = Math.max(1, config.retryAfter().toSeconds());
        Problem problem = Problem.of(GatewayProblems.BROKER_UNAVAILABLE,
                "The job was not accepted because the message broker did not confirm it; nothing was recorded. "
                        + "Retry later with the same Idempotency-Key.");
        return new ProblemException(problem, Map.of("Retry-After", Long.toString(retryAfterSeconds)), cause);
    }

    private String fingerprint(GenerationRequest request) {
        try {
            return Sha256.hex(json.writeValueAsString(request));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot fingerprint a request", e);
        }
    }
}
