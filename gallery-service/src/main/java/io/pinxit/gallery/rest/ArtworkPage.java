package io.pinxit.gallery.rest;

import java.util.List;

/** One page of a listing, newest first; {@code next} is the cursor of the following page, absent on the last. */
public record ArtworkPage(List<ArtworkView> items, String next) {
}
