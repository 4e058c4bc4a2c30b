package io.pinxit.problem;

import java.net.URI;

/** A kind of error with a stable type URI; clients may switch on the URI, never on the title. */
public record ProblemType(URI uri, String title, int status) {

    public static ProblemType of(String name, String title, int status) {
        return new ProblemType(URI.create("urn:pinxit:problem:" + name), title, status);
    }
}
