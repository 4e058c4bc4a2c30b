package io.pinxit.gallery.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A named value shown in a description list, such as a generation parameter. */
record Fact(String name, String value) {

    /**
     * In name order, so that a page reads the same on every visit; nested maps (a manifest's model, its parameters)
     * become one fact per entry, named by their path, such as {@code model.id}.
     */
    static List<Fact> of(Map<String, ?> values) {
        List<Fact> facts = new ArrayList<>();
        add(facts, "", values);
        return facts;
    }

    private static void add(List<Fact> facts, String prefix, Map<String, ?> values) {
        new TreeMap<>(values).forEach((name, value) -> {
            if (value instanceof Map<?, ?> nested) {
                var named = new TreeMap<String, Object>();
                nested.forEach((key, inner) -> named.put(String.valueOf(key), inner));
                add(facts, prefix + name + ".", named);
            } else {
                facts.add(new Fact(prefix + name, String.valueOf(value)));
            }
        });
    }
}
