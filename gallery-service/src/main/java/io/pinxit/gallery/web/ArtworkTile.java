package io.pinxit.gallery.web;

import io.pinxit.gallery.rest.ArtworkView;

/** One artwork in the grid. */
record ArtworkTile(String href, String imageUrl, String altText, String title, String author, String licence) {

    static ArtworkTile of(ArtworkView artwork) {
        String title = Titles.orUntitled(artwork.title());
        return new ArtworkTile("/artworks/" + artwork.id(), artwork.links().get("image"),
                Titles.altText(title, artwork.author(), artwork.model()), title, artwork.author(), artwork.licence());
    }
}
