package io.pinxit.client;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The misuse guard as the gallery's review API answers it (docs/content-policy.md). */
public final class Review {

    private Review() {
    }

    /** A report, or an author's appeal ({@code kind} REPORT or APPEAL), open until a reviewer decides. */
    public record Request(UUID id, UUID artworkId, String kind, String reason, Instant requestedAt) {
    }

    /** An artwork as a reviewer sees it: its {@code moderation} is SHOWN, BLURRED, HIDDEN or DELETED. */
    public record Artwork(UUID id, String title, String author, String model, String moderation) {
    }

    /** An artwork waiting for a reviewer, with its open requests. */
    public record Waiting(Artwork artwork, List<Request> requests) {
    }
}
