package io.pinxit.gateway.service;

import io.pinxit.problem.ProblemType;

/** The error kinds particular to the gateway. */
public final class GatewayProblems {

    public static final ProblemType UNKNOWN_MODEL = ProblemType.of("unknown-model", "The model is not served", 400);
    public static final ProblemType ARTWORK_NOT_FOUND = ProblemType.of("artwork-not-found", "No such artwork", 404);
    public static final ProblemType ARTWORK_NOT_REPRODUCIBLE = ProblemType.of("artwork-not-reproducible",
            "The artwork cannot be reproduced", 422);
    public static final ProblemType JOB_NOT_FOUND = ProblemType.of("job-not-found", "No such job", 404);
    public static final ProblemType JOB_ENDED = ProblemType.of("job-ended", "The job has ended", 409);
    public static final ProblemType DEAD_LETTER_NOT_FOUND = ProblemType.of("dead-letter-not-found",
            "No such dead letter", 404);
    public static final ProblemType DEAD_LETTER_NOT_REPLAYABLE = ProblemType.of("dead-letter-not-replayable",
            "The dead letter cannot be replayed", 422);
    public static final ProblemType IDEMPOTENCY_KEY_REUSED = ProblemType.of("idempotency-key-reused",
            "The Idempotency-Key was used for a different request", 422);

    public static final ProblemType ACCOUNT_EXISTS = ProblemType.of("account-exists", "The account exists already",
            409);
    public static final ProblemType SCOPE_NOT_ALLOWED = ProblemType.of("scope-not-allowed",
            "A scope is not allowed for this account", 400);
    public static final ProblemType INVALID_MODEL_CARD = ProblemType.of("invalid-model-card",
            "The model card is incomplete or describes a model that cannot be registered", 400);
    public static final ProblemType MODEL_EXISTS = ProblemType.of("model-exists", "A model with this id exists already",
            409);
    public static final ProblemType WEIGHTS_HASH_MISMATCH = ProblemType.of("weights-hash-mismatch",
            "The weights are not the ones the model card names", 422);
    public static final ProblemType MODEL_SHAPE_MISMATCH = ProblemType.of("model-shape-mismatch",
            "The network does not take or give what the model card says", 422);
    public static final ProblemType MODEL_NOT_LOADABLE = ProblemType.of("model-not-loadable",
            "The weights cannot be loaded as the model card's format", 422);

    public static final ProblemType WEBHOOK_NOT_FOUND = ProblemType.of("webhook-not-found", "No webhook", 404);
    public static final ProblemType KEY_NOT_FOUND = ProblemType.of("key-not-found", "No such API key", 404);
    public static final ProblemType TOO_MANY_OPEN_JOBS = ProblemType.of("too-many-open-jobs",
            "The account has as many open jobs as it may", 429);
    public static final ProblemType TOO_MANY_REQUESTS = ProblemType.of("too-many-requests",
            "The account made as many requests as it may for now", 429);
    public static final ProblemType ACCOUNT_NOT_FOUND = ProblemType.of("account-not-found", "No such account", 404);

    public static final ProblemType BODY_TOO_LARGE = ProblemType.of("body-too-large", "The request body is too large",
            413);
    public static final ProblemType UPLOAD_TOO_LARGE = ProblemType.of("upload-too-large",
            "The uploaded file is too large", 413);
    public static final ProblemType UNSUPPORTED_IMAGE_FORMAT = ProblemType.of("unsupported-image-format",
            "The uploaded file is not a PNG, JPEG or WebP picture", 415);
    public static final ProblemType TOO_MANY_PIXELS = ProblemType.of("too-many-pixels",
            "The uploaded picture has too many pixels", 422);
    public static final ProblemType CORRUPT_IMAGE = ProblemType.of("corrupt-image",
            "The uploaded picture cannot be decoded", 422);
    public static final ProblemType STYLE_NOT_FOUND = ProblemType.of("style-not-found", "No such style", 404);
    public static final ProblemType STYLE_EXISTS = ProblemType.of("style-exists",
            "You have a style of that name already", 409);
    public static final ProblemType STYLE_NOT_TRAINED = ProblemType.of("style-not-trained",
            "The style has no fast style network", 409);

    private GatewayProblems() {
    }
}
