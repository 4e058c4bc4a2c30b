package io.pinxit.catalog;

import io.pinxit.contracts.Visibility;
import java.time.Instant;
import java.util.UUID;

/**
 * A style of the library: a picture ({@code image}, an upload) saved under a {@code name} by its owner, with the
 * {@code credit} every picture made with it owes to the source artwork (who made it, where it comes from, its
 * licence). Public styles are listed to everyone, unlisted ones are usable by anyone who knows the id, private ones
 * only by their owner.
 */
public record SavedStyle(UUID id, String name, ProvenanceRecord.Credit credit, Upload image, Visibility visibility,
                         UUID ownerId, String ownerName, Instant createdAt) {
}
