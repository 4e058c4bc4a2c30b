package io.pinxit.client;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A saved style of the library; {@code fastStyle} is absent until it has a fast style network. */
public record Style(UUID id, String name, Credit credit, Map<String, Object> fastStyle) {

    /** Whom every picture made with the style credits. */
    public record Credit(String attribution, String source, String licence) {
    }

    /** One page of the library, newest first. */
    public record Page(List<Style> items, String next) {
    }
}
