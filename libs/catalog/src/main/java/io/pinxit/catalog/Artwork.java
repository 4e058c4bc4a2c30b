package io.pinxit.catalog;

import io.pinxit.contracts.Authorship;
import java.time.Instant;
import java.util.UUID;

/**
 * One picture made by one item of a job, with the authorship its job was submitted with. {@code label} is the
 * class a conditional model was asked for (null otherwise); {@code thumbnail} is null only for artworks recorded
 * before thumbnails existed; {@code moderation} says how the gallery treats the picture.
 */
public record Artwork(UUID id, UUID jobId, int index, ArtworkKind kind, String modelId, String modelVersion,
                      String label, StoredImage image, Thumbnail thumbnail, Authorship authorship, Instant createdAt,
                      Moderation moderation) {

    public Artwork withModeration(Moderation newModeration) {
        return new Artwork(id, jobId, index, kind, modelId, modelVersion, label, image, thumbnail, authorship,
                createdAt, newModeration);
    }
}
