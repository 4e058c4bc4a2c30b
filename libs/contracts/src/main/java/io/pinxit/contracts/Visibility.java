package io.pinxit.contracts;

/** Who may see an artwork: everyone and in listings, everyone who has its link, or only its author. */
public enum Visibility {
    PUBLIC,
    UNLISTED,
    PRIVATE
}
