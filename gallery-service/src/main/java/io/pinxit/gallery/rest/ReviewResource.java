package io.pinxit.gallery.rest;

import io.pinxit.catalog.Artwork;
import io.pinxit.catalog.ArtworkReviews;
import io.pinxit.catalog.CatalogEntry;
import io.pinxit.catalog.Moderation;
import io.pinxit.gallery.security.Viewer;
import io.pinxit.problem.Problem;
import io.pinxit.problem.ProblemException;
import io.pinxit.problem.ProblemTypes;
import io.pinxit.storage.ObjectStore;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestPath;

/**
 * The misuse guard's API on one artwork: a signed-in caller reports it, or appeals the decision on their own; an
 * administrator decides ({@link ReviewQueueResource} lists what waits). The gallery's pages act through these same
 * methods.
 */
@Tag(name = "Review")
@Path(ArtworkResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = ReviewResource.API_KEY)
public class ReviewResource {

    private static final Logger LOG = Logger.getLogger(ReviewResource.class);
    /** The security scheme META-INF/openapi.yaml declares: an API key as a bearer token. */
    static final String API_KEY = "apiKey";
    static final int MAX_TEXT = 1000;

    private final ArtworkReviews reviews;
    private final ArtworkResource artworks;
    private final ObjectStore store;
    private final Viewer viewer;

    ReviewResource(ArtworkReviews reviews, ArtworkResource artworks, ObjectStore store, Viewer viewer) {
        this.reviews = reviews;
        this.artworks = artworks;
        this.store = store;
        this.viewer = viewer;
    }

    /** Why someone asks a reviewer to look at an artwork. */
    public record ReviewRequestBody(@Schema(maxLength = MAX_TEXT) String reason) {
    }

    /** A report or appeal, open until a reviewer decides. */
    public record ReviewRequestView(UUID id, UUID artworkId, ArtworkReviews.RequestKind kind, String reason,
                                    Instant requestedAt) {

        static ReviewRequestView of(UUID artworkId, ArtworkReviews.Request request) {
            return new ReviewRequestView(request.id(), artworkId, request.kind(), request.reason(),
                    request.requestedAt());
        }
    }

    /** A reviewer's decision: how the gallery treats the picture from now on, and why. */
    public record DecisionBody(Moderation decision, @Schema(maxLength = MAX_TEXT) String note) {
    }

    @Operation(operationId = "requestReview", summary = "Report an artwork, or appeal the decision on one's own",
            description = "Asks a reviewer to look at an artwork the caller may see: a report, or, from its author, an "
                + "appeal against it being blurred or hidden. One open request per caller and artwork: asking again "
                + "answers the open one.")
    @APIResponse(responseCode = "201", description = "In the review queue",
            content = @Content(schema = @Schema(implementation = ReviewRequestView.class)))
    @APIResponse(responseCode = "401", description = "No API key")
    @POST
    @Path("{id}/review-requests")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response request(@RestPath UUID id, ReviewRequestBody body) {
        ReviewRequestView request = requestReview(id, body == null ? null : body.reason());
        return Response.status(Response.Status.CREATED).entity(request).build();
    }

    /** Files a report, or the author's appeal, for the caller. */
    public ReviewRequestView requestReview(UUID id, String reason) {
        UUID caller = viewer.accountId().orElseThrow(() -> new ProblemException(Problem.of(
                ProblemTypes.UNAUTHENTICATED, "Reports and appeals name who makes them: send an API key")));
        String why = text("reason", reason, true);
        Artwork artwork = artworks.find(id).artwork();
        var kind = viewer.isAuthorOf(artwork) ? ArtworkReviews.RequestKind.APPEAL : ArtworkReviews.RequestKind.REPORT;
        return ReviewRequestView.of(id, reviews.request(id, kind, caller, why));
    }

    @Operation(operationId = "moderateArtwork", summary = "Decide on an artwork",
            description = "Administrators: sets how the gallery treats the artwork (SHOWN, BLURRED, HIDDEN or DELETED) "
                + "and closes its open requests; the decision is kept for good. DELETED removes the picture, and its "
                + "thumbnail unless another artwork has the same pixels, from the store; its records stay.")
    @APIResponse(responseCode = "200", description = "The artwork as it now is",
            content = @Content(schema = @Schema(implementation = ArtworkView.class)))
    @APIResponse(responseCode = "401", description = "No API key")
    @APIResponse(responseCode = "403", description = "Not an administrator")
    @POST
    @Path("{id}/moderation")
    @Consumes(MediaType.APPLICATION_JSON)
    public ArtworkView moderate(@RestPath UUID id, DecisionBody body) {
        requireReviewer();
        if (body == null || body.decision() == null) {
            throw ProblemException.invalidField("decision", "must be SHOWN, BLURRED, HIDDEN or DELETED");
        }
        return decide(id, body.decision(), body.note());
    }

    /** Records a reviewer's decision; deleting removes the picture from the store. */
    public ArtworkView decide(UUID id, Moderation decision, String note) {
        requireReviewer();
        String kept = text("note", note, false);
        CatalogEntry entry = artworks.find(id);
        reviews.decide(id, decision, viewer.accountId().orElseThrow(), kept);
        if (decision == Moderation.DELETED) {
            deletePicture(entry.artwork());
        }
        // Built from what was read before, not read again: a read replica may not have the decision yet.
        return ArtworkView.of(entry.artwork().withModeration(decision), entry.provenance());
    }

    private void deletePicture(Artwork artwork) {
        store.delete(artwork.image().key());
        if (artwork.thumbnail() != null && reviews.liveTwin(artwork).isEmpty()) {
            store.delete(artwork.thumbnail().key());
        }
        LOG.infof("Deleted the picture of artwork %s by review", artwork.id());
    }

    /** Reviewing takes an administrator's key. */
    public void requireReviewer() {
        if (!viewer.isSignedIn()) {
            throw new ProblemException(Problem.of(ProblemTypes.UNAUTHENTICATED, "Reviewing takes an administrator's"
                    + " API key"));
        }
        if (!viewer.isAdmin()) {
            throw new ProblemException(Problem.of(ProblemTypes.FORBIDDEN, "Reviewing takes a key with the admin and"
                    + " jobs:admin scopes"));
        }
    }

    private static String text(String field, String value, boolean required) {
        String stripped = value == null ? "" : value.strip();
        if (stripped.isEmpty() && required) {
            throw ProblemException.invalidField(field, "must say what a reviewer should look at");
        }
        if (stripped.length() > MAX_TEXT) {
            throw ProblemException.invalidField(field, "may be at most " + MAX_TEXT + " characters");
        }
        return stripped.isEmpty() ? null : stripped;
    }
}
