package io.pinxit.problem;

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

    public Problem problem() {
        return problem;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
