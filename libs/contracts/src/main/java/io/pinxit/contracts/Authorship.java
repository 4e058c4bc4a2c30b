package io.pinxit.contracts;

import java.util.UUID;

/**
 * The human side of a picture: who asked for it, what they call it, the licence they give it (an SPDX id) and
 * who may see it. It travels with the command so that every artwork records its author.
 */
public record Authorship(UUID authorId, String authorName, String title, String description, String licence,
                         Visibility visibility) {

    public static final String ALL_RIGHTS_RESERVED = "LicenseRef-All-Rights-Reserved";
}
