package io.pinxit.catalog;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * How the gallery treats an artwork's picture: as the content policy decided when it was made, until a reviewer
 * decides otherwise. Hidden and deleted artworks are seen only by their authors and administrators, never listed;
 * a deleted one's picture is gone from the store, its records stay.
 */
public enum Moderation {
    SHOWN,
    BLURRED,
    HIDDEN,
    DELETED;

    /** Whether artworks in this state are listed, searched and offered as "more like this". */
    public boolean isListed() {
        return this == SHOWN || this == BLURRED;
    }

    /** The states listed, as SQL literals, for the catalog's queries. */
    static final String LISTED_SQL = Arrays.stream(values()).filter(Moderation::isListed)
            .map(moderation -> "'" + moderation.name() + "'").collect(Collectors.joining(", ", "(", ")"));
}
