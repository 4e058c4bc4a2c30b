package io.pinxit.problem;

import java.util.List;
import java.util.Map;

/** Thrown by resources and services to answer with a specific problem (and optional response headers). */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;
    private final Map<String, String> headers;

    public ProblemException(Problem problem) {
        this(problem, Map.of(), null);
    }

    public ProblemException(Problem problem, Map<String, String> headers, Throwable cause) {
        super(problem.detail(), cause);
        this.problem = problem;
        this.headers = Map.copyOf(headers);
    }

    /** A 400 {@code invalid-request} naming one request field, parameter or form part, and what is wrong with it. */
    public static ProblemException invalidField(String field, String message) {
        return new ProblemException(Problem.of(ProblemTypes.INVALID_REQUEST, field + " " + message,
                List.of(new Problem.FieldError(field, message))));
    }

    public Problem problem() {
        return problem;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
