package io.pinxit.gallery.web;

import io.pinxit.catalog.ArtworkReviews;
import io.pinxit.catalog.Moderation;
import io.pinxit.gallery.rest.ReviewQueueResource;
import io.pinxit.gallery.rest.ReviewResource;
import io.pinxit.gallery.security.Viewer;
import io.pinxit.problem.Problem;
import io.pinxit.problem.ProblemException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The misuse guard's pages, acting through the review API ({@link ReviewResource}): a signed-in viewer reports an
 * artwork, its author appeals, and an administrator works through the queue: show, blur, hide, or delete the picture.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class ReviewPages {

    private final ReviewResource reviews;
    private final ReviewQueueResource queue;
    private final Viewer viewer;

    ReviewPages(ReviewResource reviews, ReviewQueueResource queue, Viewer viewer) {
        this.reviews = reviews;
        this.queue = queue;
        this.viewer = viewer;
    }

    /** An artwork in the queue, with its open requests. */
    record Waiting(ArtworkTile tile, String id, String moderation, List<Request> requests) {

        static Waiting of(ReviewQueueResource.WaitingView waiting) {
            return new Waiting(ArtworkTile.of(waiting.artwork()), waiting.artwork().id().toString(),
                    waiting.artwork().moderation().name().toLowerCase(Locale.ROOT),
                    waiting.requests().stream().map(Request::of).toList());
        }
    }

    /** An open report or appeal, as the queue shows it. */
    record Request(String kind, Instant requestedAt, String reason) {

        static Request of(ReviewResource.ReviewRequestView request) {
            return new Request(request.kind().name().toLowerCase(Locale.ROOT), request.requestedAt(),
                    request.reason());
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance queue(List<Waiting> waiting);

        static native TemplateInstance requested(String artworkHref, boolean appeal);
    }

    @POST
    @Path("artworks/{id}/review-requests")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response request(@RestPath UUID id, @RestForm String reason, @RestForm String csrf) {
        if (viewer.isSignedIn() && !viewer.acceptsForm(csrf)) {
            return Refusals.outOfDateForm("nothing was sent to the reviewers");
        }
        var request = reviews.requestReview(id, reason);
        boolean appeal = request.kind() == ArtworkReviews.RequestKind.APPEAL;
        return Response.ok(Templates.requested("/artworks/" + id, appeal)).build();
    }

    @GET
    @Path("review")
    public TemplateInstance queue() {
        return Templates.queue(queue.queue(null).stream().map(Waiting::of).toList());
    }

    /** A reviewer's {@code decision}: shown, blurred, hidden or deleted. */
    @POST
    @Path("artworks/{id}/review")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decide(@RestPath UUID id, @RestForm String decision, @RestForm String note,
                           @RestForm String csrf) {
        reviews.requireReviewer();
        if (!viewer.acceptsForm(csrf)) {
            return Refusals.outOfDateForm("the artwork is as it was");
        }
        Moderation moderation = parse(decision);
        reviews.decide(id, moderation, note);
        return Response.seeOther(URI.create("/review")).build();
    }

    private static Moderation parse(String decision) {
        for (Moderation moderation : Moderation.values()) {
            if (moderation.name().toLowerCase(Locale.ROOT).equals(decision)) {
                return moderation;
            }
        }
        throw ProblemException.invalidField("decision", "must be shown, blurred, hidden or deleted");
    }

    /** A refusal is a page too, with the status the review API gives it. */
    @ServerExceptionMapper
    Response refused(ProblemException exception) {
        Problem problem = exception.problem();
        String detail = problem.errors() == null || problem.errors().isEmpty() ? problem.detail()
                : problem.errors().get(0).field() + " " + problem.errors().get(0).message();
        return Refusals.page(problem.status(), problem.title(), detail);
    }
}
