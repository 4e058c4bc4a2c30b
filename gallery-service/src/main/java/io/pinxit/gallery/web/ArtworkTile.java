package io.pinxit.gallery.web;

import io.pinxit.catalog.Moderation;
import io.pinxit.gallery.rest.ArtworkView;
import java.util.Locale;

/** One artwork in the grid; a {@code blurred} one's thumbnail is shown blurred. */
record ArtworkTile(String href, String thumbnailUrl, String altText, String title, String author, String authorHref,
                   String licence, String kind, boolean blurred) {

    static ArtworkTile of(ArtworkView artwork) {
        String title = Titles.orUntitled(artwork.title());
        String authorHref = artwork.authorId() == null ? null : "/?author=" + artwork.authorId();
        return new ArtworkTile("/artworks/" + artwork.id(), artwork.links().get("thumbnail"),
                Titles.altText(title, artwork.author(), artwork.model()), title, artwork.author(), authorHref,
                artwork.licence(), artwork.kind().name().toLowerCase(Locale.ROOT),
                artwork.moderation() == Moderation.BLURRED);
    }
}
