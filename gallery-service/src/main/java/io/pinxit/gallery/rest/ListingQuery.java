package io.pinxit.gallery.rest;

import io.pinxit.catalog.ArtworkFilter;
import io.pinxit.catalog.ArtworkKind;
import io.pinxit.problem.Problem;
import io.pinxit.problem.ProblemException;
import io.pinxit.problem.ProblemTypes;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A listing's filters as they travel in a URL ({@code q, model, kind, author, licence, from, until}), so that a view
 * can be shared: parsed once for the JSON API and the pages alike, with a problem naming every bad parameter.
 */
public record ListingQuery(ArtworkFilter filter) {

    public static final ListingQuery NONE = new ListingQuery(ArtworkFilter.NONE);
    private static final int MAX_TEXT_LENGTH = 200;

    public static ListingQuery parse(String text, String model, String kind, String author, String licence,
                                     String from, String until) {
        List<Problem.FieldError> errors = new ArrayList<>();
        String query = blankToNull(text);
        if (query != null && query.length() > MAX_TEXT_LENGTH) {
            errors.add(new Problem.FieldError("q", "must be at most " + MAX_TEXT_LENGTH + " characters"));
        }
        var filter = new ArtworkFilter(blankToNull(model),
                parsed("kind", kind, value -> ArtworkKind.valueOf(value.toUpperCase(Locale.ROOT)),
                        "must be one of " + kindNames(), errors),
                parsed("author", author, UUID::fromString, "must be an author's id (a UUID)", errors),
                blankToNull(licence),
                parsed("from", from, LocalDate::parse, "must be a date like 2026-11-23", errors),
                parsed("until", until, LocalDate::parse, "must be a date like 2026-11-23", errors),
                query);
        if (filter.madeFrom() != null && filter.madeUntil() != null && filter.madeUntil().isBefore(filter.madeFrom())) {
            errors.add(new Problem.FieldError("until", "must not be before 'from'"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.of(ProblemTypes.INVALID_REQUEST,
                    "The listing's filters are not valid: " + errors.stream()
                            .map(error -> error.field() + " " + error.message()).collect(Collectors.joining("; ")),
                    errors));
        }
        return new ListingQuery(filter);
    }

    /** The filters as URL query parameters ({@code a=1&b=2}), empty when nothing filters. */
    public String toQueryString() {
        return parameters().entrySet().stream()
                .map(entry -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** The filters by URL parameter name, in a fixed order, leaving out those not set. */
    public Map<String, String> parameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        put(parameters, "q", filter.text());
        put(parameters, "model", filter.model());
        put(parameters, "kind", Optional.ofNullable(filter.kind()).map(kind -> kind.name().toLowerCase(Locale.ROOT)).orElse(null));
        put(parameters, "author", Optional.ofNullable(filter.authorId()).map(UUID::toString).orElse(null));
        put(parameters, "licence", filter.licence());
        put(parameters, "from", Optional.ofNullable(filter.madeFrom()).map(LocalDate::toString).orElse(null));
        put(parameters, "until", Optional.ofNullable(filter.madeUntil()).map(LocalDate::toString).orElse(null));
        return parameters;
    }

    public boolean isEmpty() {
        return parameters().isEmpty();
    }

    private static void put(Map<String, String> parameters, String name, String value) {
        if (value != null) {
            parameters.put(name, value);
        }
    }

    private static <T> T parsed(String field, String raw, Function<String, T> parser, String message,
                                List<Problem.FieldError> errors) {
        String value = blankToNull(raw);
        if (value == null) {
            return null;
        }
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            errors.add(new Problem.FieldError(field, message));
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String kindNames() {
        return Arrays.stream(ArtworkKind.values()).map(kind -> kind.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
    }
}
