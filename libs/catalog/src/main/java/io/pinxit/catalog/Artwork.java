package io.pinxit.catalog;

import io.pinxit.contracts.Authorship;
import java.time.Instant;
import java.util.UUID;

/** One picture made by one item of a job, with the authorship its job was submitted with. */
public record Artwork(UUID id, UUID jobId, int index, ArtworkKind kind, String modelId, String modelVersion,
                      StoredImage image, Authorship authorship, Instant createdAt) {
}
