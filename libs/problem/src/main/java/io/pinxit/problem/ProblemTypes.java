package io.pinxit.problem;

/** The error kinds every HTTP API shares; services define their own kinds beside their resources. */
public final class ProblemTypes {

    public static final ProblemType INVALID_REQUEST = ProblemType.of("invalid-request", "The request is not valid", 400);
    public static final ProblemType MALFORMED_BODY = ProblemType.of("malformed-body", "The request body cannot be read", 400);
    public static final ProblemType UNAUTHENTICATED = ProblemType.of("unauthenticated",
            "A valid API key is required", 401);
    public static final ProblemType FORBIDDEN = ProblemType.of("forbidden", "Not allowed", 403);
    public static final ProblemType NOT_FOUND = ProblemType.of("not-found", "Not found", 404);
    public static final ProblemType INTERNAL = ProblemType.of("internal", "Internal error", 500);
    public static final ProblemType SERVICE_UNAVAILABLE = ProblemType.of("service-unavailable",
            "Service unavailable", 503);

    private ProblemTypes() {
    }

    /** The kind for a bare HTTP status that no more specific kind describes. */
    public static ProblemType forStatus(int status, String reason) {
        return switch (status) {
            case 400 -> INVALID_REQUEST;
            case 401 -> UNAUTHENTICATED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            default -> ProblemType.of("http-" + status, reason, status);
        };
    }
}
