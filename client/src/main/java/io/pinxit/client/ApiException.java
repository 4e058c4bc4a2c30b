package io.pinxit.client;

import java.util.List;

/** An API answered with a problem (RFC 9457): the request was refused, or the service could not do it. */
public final class ApiException extends RuntimeException {

    private final int status;
    private final List<String> fieldErrors;

    public ApiException(int status, String message, List<String> fieldErrors) {
        super(message);
        this.status = status;
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    public int status() {
        return status;
    }

    /** Each offending field and why, as "field: message". */
    public List<String> fieldErrors() {
        return fieldErrors;
    }
}
