package io.pinxit.gallery.web;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A named value shown in a description list, such as a generation parameter. */
record Fact(String name, String value) {

    /** In name order, so that a page reads the same on every visit. */
    static List<Fact> of(Map<String, ?> values) {
        return new TreeMap<>(values).entrySet().stream()
                .map(entry -> new Fact(entry.getKey(), String.valueOf(entry.getValue())))
                .toList();
    }
}
