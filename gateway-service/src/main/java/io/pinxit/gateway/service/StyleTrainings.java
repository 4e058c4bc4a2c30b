package io.pinxit.gateway.service;

import io.pinxit.catalog.SavedStyle;
import io.pinxit.contracts.JobKind;
import io.pinxit.contracts.StyleTrainingCommand;
import io.pinxit.problem.Problem;
import io.pinxit.problem.ProblemException;
import io.pinxit.problem.ProblemTypes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Accepts jobs that learn a saved style into a fast style network. Only the style's owner or an administrator may
 * have it trained, since a training takes a worker's CPU for about an hour.
 */
@ApplicationScoped
public class StyleTrainings {

    private final JobAcceptance acceptance;
    private final Styles styles;
    private final Clock clock;
    private final SecureRandom seeds = new SecureRandom();

    StyleTrainings(JobAcceptance acceptance, Styles styles, Clock clock) {
        this.acceptance = acceptance;
        this.styles = styles;
        this.clock = clock;
    }

    @Transactional
    public Submission submit(UUID styleId, StyleTrainingRequest request, Author author,
                             Optional<String> idempotencyKey, boolean isAdmin) {
        return acceptance.once(author, idempotencyKey, identity(styleId, request),
                key -> accept(styleId, request, author, key, isAdmin));
    }

    /** What an Idempotency-Key stands for: the style to train and the request's options. */
    public static Map<String, Object> identity(UUID styleId, StyleTrainingRequest request) {
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("styleId", styleId);
        identity.put("request", request);
        return identity;
    }

    private Submission accept(UUID styleId, StyleTrainingRequest request, Author author,
                              Optional<IdempotencyKey> key, boolean isAdmin) {
        SavedStyle style = styles.visible(styleId, author.id(), isAdmin);
        if (!isAdmin && !style.ownerId().equals(author.id())) {
            throw new ProblemException(Problem.of(ProblemTypes.FORBIDDEN, "Only the owner of style " + styleId
                    + " or an administrator may train it: a training takes a worker about an hour"));
        }
        int steps = request.stepsOrDefault();
        long seed = request.seed() != null ? request.seed() : seeds.nextLong(GenerationRequest.MAX_SEED);
        Instant now = clock.instant();
        Map<String, Object> accepted = new LinkedHashMap<>();
        accepted.put("styleId", styleId);
        accepted.put("name", style.name());
        accepted.put("steps", steps);
        accepted.put("seed", seed);
        return acceptance.accept(JobKind.STYLE_TRAINING, author, accepted, key, now, job ->
                StyleTrainingCommand.of(job.id(), styleId, style.image().image(), steps, seed, author.id(), now));
    }
}
