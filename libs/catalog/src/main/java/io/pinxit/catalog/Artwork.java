package io.pinxit.catalog;

import java.time.Instant;
import java.util.UUID;

/** One picture made by one item of a job. */
public record Artwork(UUID id, UUID jobId, int index, ArtworkKind kind, String modelId, String modelVersion,
                      StoredImage image, Instant createdAt) {
}
