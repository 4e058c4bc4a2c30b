package io.pinxit.catalog;

import io.pinxit.contracts.TimeOrderedIds;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The query behind every artwork listing: newest first by time-ordered id, so one index per filter serves a page
 * in a short backward scan and the last id seen is the whole keyset cursor. Days made become id bounds for the same
 * reason.
 */
final class ArtworkListing {

    private final List<String> conditions = new ArrayList<>();
    private final List<Object> parameters = new ArrayList<>();

    ArtworkListing(ArtworkFilter filter, Optional<UUID> olderThan, Optional<UUID> viewer) {
        conditions.add("a.moderation in " + Moderation.LISTED_SQL);
        if (viewer.isPresent()) {
            where("(a.visibility = 'PUBLIC' or a.author_id = ?)", viewer.get());
        } else {
            conditions.add("a.visibility = 'PUBLIC'");
        }
        olderThan.ifPresent(id -> where("a.id < ?", id));
        Optional.ofNullable(filter.model()).ifPresent(model -> where("a.model_id = ?", model));
        Optional.ofNullable(filter.kind()).ifPresent(kind -> where("a.kind = ?", kind.name()));
        Optional.ofNullable(filter.authorId()).ifPresent(author -> where("a.author_id = ?", author));
        Optional.ofNullable(filter.licence()).ifPresent(licence -> where("a.licence = ?", licence));
        Optional.ofNullable(filter.madeFrom()).ifPresent(day -> where("a.id >= ?", firstIdOf(day)));
        Optional.ofNullable(filter.madeUntil()).ifPresent(day -> where("a.id < ?", firstIdOf(day.plusDays(1))));
        Optional.ofNullable(filter.text())
                .ifPresent(text -> where("a.search_document @@ websearch_to_tsquery('english', ?)", text));
    }

    private void where(String condition, Object parameter) {
        conditions.add(condition);
        parameters.add(parameter);
    }

    private static UUID firstIdOf(LocalDate day) {
        return TimeOrderedIds.firstAt(day.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    String sql(String columns) {
        return "select " + columns + " from catalog.artwork a where " + String.join(" and ", conditions)
                + " order by a.id desc limit ?";
    }

    List<Object> parameters(int limit) {
        List<Object> all = new ArrayList<>(parameters);
        all.add(limit);
        return all;
    }
}
