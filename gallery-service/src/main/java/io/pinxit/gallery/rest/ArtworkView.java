package io.pinxit.gallery.rest;

import io.pinxit.catalog.Artwork;
import io.pinxit.catalog.ArtworkKind;
import io.pinxit.catalog.Moderation;
import io.pinxit.catalog.ProvenanceRecord;
import io.pinxit.contracts.Visibility;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * An artwork as clients see it; the provenance record is present on the single-artwork view only. {@code moderation}
 * says how to show the picture: a blurred one only behind a warning; hidden and deleted ones reach only their authors
 * and administrators.
 */
public record ArtworkView(UUID id, UUID jobId, int index, ArtworkKind kind, String label, String title,
                          String description, UUID authorId, String author, String licence, Visibility visibility,
                          Moderation moderation, String model, String modelVersion,
                          int width, int height, String mediaType, String sha256, Instant createdAt,
                          ProvenanceRecord provenance, Map<String, String> links) {

    public static ArtworkView summary(Artwork artwork) {
        return of(artwork, null);
    }

    public static ArtworkView of(Artwork artwork, ProvenanceRecord provenance) {
        String self = ArtworkResource.PATH + "/" + artwork.id();
        var authorship = artwork.authorship();
        return new ArtworkView(artwork.id(), artwork.jobId(), artwork.index(), artwork.kind(), artwork.label(),
                authorship.title(), authorship.description(), authorship.authorId(), authorship.authorName(), authorship.licence(), authorship.visibility(),
                artwork.moderation(),
                artwork.modelId(), artwork.modelVersion(), artwork.image().width(), artwork.image().height(),
                artwork.image().mediaType(), artwork.image().sha256(), artwork.createdAt(), provenance,
                Map.of("self", self, "image", self + "/image", "thumbnail", self + "/thumbnail", "lineage",
                        self + "/lineage"));
    }
}
