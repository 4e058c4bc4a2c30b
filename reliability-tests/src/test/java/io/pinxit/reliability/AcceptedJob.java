package io.pinxit.reliability;

import java.time.Instant;
import java.util.UUID;

/** A job the gateway answered 202 for, and how many artworks it must end with. */
record AcceptedJob(UUID id, String kind, int expectedArtworks, Instant acceptedAt) {
}
