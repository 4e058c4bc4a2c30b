package io.pinxit.gallery.web;

import io.pinxit.catalog.ArtworkKind;
import io.pinxit.gallery.rest.ListingQuery;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The grid's filter form: the choices it offers and the ones the current URL made. */
record GridFilters(Map<String, String> chosen, List<String> models, List<String> kinds, List<String> licences,
                   boolean active) {

    static GridFilters of(ListingQuery query, List<String> models, List<String> licences) {
        List<String> kinds = Arrays.stream(ArtworkKind.values()).map(kind -> kind.name().toLowerCase(Locale.ROOT))
                .toList();
        return new GridFilters(query.parameters(), models, kinds, licences, !query.isEmpty());
    }

    /** The chosen value of a URL parameter, or an empty string, for form fields. */
    public String value(String parameter) {
        return chosen.getOrDefault(parameter, "");
    }

    public boolean isChosen(String parameter, String value) {
        return value.equals(chosen.get(parameter));
    }
}
