package io.pinxit.gallery.rest;

import io.pinxit.catalog.ArtworkReviews;
import io.pinxit.problem.ProblemException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

/** The misuse guard's queue: what waits for a reviewer ({@link ReviewResource} takes the decisions). */
@Tag(name = "Review")
@Path("/api/v1/review-queue")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = ReviewResource.API_KEY)
public class ReviewQueueResource {

    private final ArtworkReviews reviews;
    private final ReviewResource review;

    ReviewQueueResource(ArtworkReviews reviews, ReviewResource review) {
        this.reviews = reviews;
        this.review = review;
    }

    /** An artwork waiting for a reviewer, with its open requests, oldest first. */
    public record WaitingView(ArtworkView artwork, List<ReviewResource.ReviewRequestView> requests) {
    }

    @Operation(operationId = "listReviewQueue", summary = "The review queue",
            description = "Administrators: artworks with open reports or appeals, the longest waiting first.")
    @APIResponse(responseCode = "200", description = "The artworks waiting for a reviewer")
    @APIResponse(responseCode = "401", description = "No API key")
    @APIResponse(responseCode = "403", description = "Not an administrator")
    @GET
    public List<WaitingView> queue(@RestQuery Integer limit) {
        review.requireReviewer();
        int size = limit == null ? 50 : limit;
        if (size < 1 || size > 100) {
            throw ProblemException.invalidField("limit", "must be between 1 and 100");
        }
        return reviews.queue(size).stream().map(waiting -> new WaitingView(ArtworkView.summary(waiting.artwork()),
                waiting.requests().stream()
                        .map(request -> ReviewResource.ReviewRequestView.of(waiting.artwork().id(), request))
                        .toList())).toList();
    }
}
