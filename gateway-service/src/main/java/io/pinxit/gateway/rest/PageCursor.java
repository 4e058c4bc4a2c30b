package io.pinxit.gateway.rest;

import static io.pinxit.problem.ProblemException.invalidField;

import java.util.Optional;
import java.util.UUID;

/** Keyset paging: a page's cursor is the id of the last item of the page before, passed back unchanged. */
final class PageCursor {

    private PageCursor() {
    }

    /** The id the page starts after; empty for the first page. */
    static Optional<UUID> olderThan(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(cursor));
        } catch (IllegalArgumentException e) {
            throw invalidField("cursor", "is not a cursor this API gave; pass the 'next' of a page unchanged");
        }
    }
}
