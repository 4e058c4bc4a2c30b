package io.pinxit.gateway.rest;

import static io.pinxit.problem.ProblemException.invalidField;

import io.pinxit.contracts.JobKind;
import io.pinxit.contracts.JobState;
import io.pinxit.gateway.service.JobFilter;
import io.pinxit.problem.Problem;
import io.pinxit.problem.ProblemException;
import io.pinxit.problem.ProblemTypes;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The query of a job listing, read from its parameters: {@code state} and {@code kind} (comma-separated names, any
 * case), {@code model}, {@code from} and {@code until} (RFC 3339 instants; from inclusive, until exclusive) and
 * {@code author} (an account id, or {@value #EVERY_AUTHOR}; someone else's only for an administrator).
 */
final class JobQuery {

    static final String EVERY_AUTHOR = "all";

    private JobQuery() {
    }

    /** The filter the parameters ask for, on behalf of account {@code callerId}. */
    static JobFilter parse(UUID callerId, boolean callerIsAdmin, String state, String kind, String model,
                           String from, String until, String author) {
        Optional<Instant> since = instant("from", from);
        Optional<Instant> before = instant("until", until);
        if (since.isPresent() && before.isPresent() && !since.get().isBefore(before.get())) {
            throw invalidField("until", "must be later than from");
        }
        Optional<String> modelId = Optional.ofNullable(model).filter(id -> !id.isBlank());
        return new JobFilter(author(callerId, callerIsAdmin, author), names("state", state, JobState.class),
                names("kind", kind, JobKind.class), modelId, since, before);
    }

    private static Optional<UUID> author(UUID callerId, boolean callerIsAdmin, String author) {
        if (author == null || author.isBlank()) {
            return Optional.of(callerId);
        }
        Optional<UUID> asked;
        if (EVERY_AUTHOR.equals(author)) {
            asked = Optional.empty();
        } else {
            try {
                asked = Optional.of(UUID.fromString(author));
            } catch (IllegalArgumentException e) {
                throw invalidField("author", "must be an account id or '" + EVERY_AUTHOR + "'");
            }
        }
        if (!callerIsAdmin && !asked.equals(Optional.of(callerId))) {
            String message = "may only name your own account; only an administrator lists other people's jobs";
            throw new ProblemException(Problem.of(ProblemTypes.FORBIDDEN, "author " + message,
                    List.of(new Problem.FieldError("author", message))));
        }
        return asked;
    }

    private static <E extends Enum<E>> Set<E> names(String field, String list, Class<E> type) {
        Set<E> values = EnumSet.noneOf(type);
        if (list == null || list.isBlank()) {
            return values;
        }
        for (String name : list.split(",")) {
            try {
                values.add(Enum.valueOf(type, name.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw invalidField(field, "'" + name.strip() + "' is not one of "
                        + Arrays.toString(type.getEnumConstants()));
            }
        }
        return values;
    }

    private static Optional<Instant> instant(String field, String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(text.strip()));
        } catch (DateTimeParseException e) {
            throw invalidField(field, "must be an RFC 3339 instant such as 2026-12-07T10:15:30Z");
        }
    }
}
