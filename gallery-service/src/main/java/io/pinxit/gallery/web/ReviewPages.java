package io.pinxit.gallery.web;

import io.pinxit.catalog.Artwork;
import io.pinxit.catalog.ArtworkCatalog;
import io.pinxit.catalog.ArtworkReviews;
import io.pinxit.catalog.CatalogEntry;
import io.pinxit.catalog.Moderation;
import io.pinxit.gallery.rest.ArtworkResource;
import io.pinxit.gallery.rest.ArtworkView;
import io.pinxit.gallery.security.Viewer;
import io.pinxit.storage.ObjectStore;
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
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;

/**
 * The misuse guard's pages: a signed-in viewer reports an artwork, its author appeals the content policy's decision,
 * and an administrator works through the queue of both: show, blur, hide, or delete the picture (its records stay).
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class ReviewPages {

    private static final Logger LOG = Logger.getLogger(ReviewPages.class);
    static final int QUEUE_SIZE = 50;
    static final int MAX_REASON = 1000;

    private final ArtworkReviews reviews;
    private final ArtworkCatalog catalog;
    private final ArtworkResource artworks;
    private final ObjectStore store;
    private final Viewer viewer;

    ReviewPages(ArtworkReviews reviews, ArtworkCatalog catalog, ArtworkResource artworks, ObjectStore store,
                Viewer viewer) {
        this.reviews = reviews;
        this.catalog = catalog;
        this.artworks = artworks;
        this.store = store;
        this.viewer = viewer;
    }

    /** An artwork in the queue, with its open requests. */
    record Waiting(ArtworkTile tile, String id, String moderation, List<Request> requests) {
    }

    /** An open report or appeal, as the queue shows it. */
    record Request(String kind, Instant requestedAt, String reason) {

        static Request of(ArtworkReviews.Request request) {
            return new Request(request.kind().name().toLowerCase(Locale.ROOT), request.requestedAt(), request.reason());
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance queue(List<Waiting> waiting);

        static native TemplateInstance requested(String artworkHref, boolean appeal);
    }

    /** A report by a signed-in viewer, or its author's appeal; one open request a person and artwork. */
    @POST
    @Path("artworks/{id}/review-requests")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response request(@RestPath UUID id, @RestForm String reason, @RestForm String csrf) {
        Optional<UUID> account = viewer.accountId();
        if (account.isEmpty()) {
            return Refusals.page(401, "Sign in first", "Reports and appeals name who makes them: sign in, then try"
                    + " again.");
        }
        if (!viewer.acceptsForm(csrf)) {
            return Refusals.outOfDateForm("nothing was sent to the reviewers");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > MAX_REASON) {
            return Refusals.page(400, "Say why", "The field reason must say, in 1 to " + MAX_REASON
                    + " characters, what a reviewer should look at.");
        }
        Artwork artwork = artworks.find(id).artwork();
        boolean appeal = viewer.isAuthorOf(artwork);
        reviews.request(id, appeal ? ArtworkReviews.RequestKind.APPEAL : ArtworkReviews.RequestKind.REPORT,
                account.get(), why);
        return Response.ok(Templates.requested("/artworks/" + id, appeal)).build();
    }

    /** The artworks waiting for a reviewer, the longest waiting first. */
    @GET
    @Path("review")
    public Response queue() {
        return reviewer().orElseGet(() -> Response.ok(Templates.queue(reviews.queue(QUEUE_SIZE).stream()
                .map(waiting -> new Waiting(ArtworkTile.of(ArtworkView.summary(waiting.artwork())),
                        waiting.artwork().id().toString(), lower(waiting.artwork().moderation()),
                        waiting.requests().stream().map(Request::of).toList()))
                .toList())).build());
    }

    /**
     * A reviewer's decision: {@code decision} is shown, blurred, hidden or deleted. Deleting removes the picture and,
     * unless another artwork has the same pixels, its thumbnail from the store; its records stay.
     */
    @POST
    @Path("artworks/{id}/review")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decide(@RestPath UUID id, @RestForm String decision, @RestForm String note, @RestForm String csrf) {
        Optional<Response> refused = reviewer();
        if (refused.isPresent()) {
            return refused.get();
        }
        if (!viewer.acceptsForm(csrf)) {
            return Refusals.outOfDateForm("the artwork is as it was");
        }
        Optional<Moderation> moderation = parse(decision);
        if (moderation.isEmpty()) {
            return Refusals.page(400, "Choose a decision", "The field decision must be shown, blurred, hidden or"
                    + " deleted, not " + decision + ".");
        }
        String kept = note == null || note.isBlank() ? null : note.strip();
        if (kept != null && kept.length() > MAX_REASON) {
            return Refusals.page(400, "Shorten the note", "The field note takes at most " + MAX_REASON
                    + " characters.");
        }
        Optional<CatalogEntry> entry = catalog.find(id);
        if (entry.isEmpty() || !reviews.decide(id, moderation.get(), viewer.accountId().orElseThrow(), kept)) {
            return Refusals.page(404, "No such artwork", "There is no artwork " + id + ".");
        }
        if (moderation.get() == Moderation.DELETED) {
            deletePicture(entry.get().artwork());
        }
        return Response.seeOther(URI.create("/review")).build();
    }

    private void deletePicture(Artwork artwork) {
        store.delete(artwork.image().key());
        if (artwork.thumbnail() != null && reviews.liveTwin(artwork).isEmpty()) {
            store.delete(artwork.thumbnail().key());
        }
        LOG.infof("Deleted the picture of artwork %s by review", artwork.id());
    }

    /** Empty for an administrator; otherwise the page that refuses the viewer. */
    private Optional<Response> reviewer() {
        if (!viewer.isSignedIn()) {
            return Optional.of(Refusals.page(401, "Sign in first", "Reviewing takes an administrator's key."));
        }
        if (!viewer.isAdmin()) {
            return Optional.of(Refusals.page(403, "Administrators only", "Reviewing takes a key with the admin and"
                    + " jobs:admin scopes."));
        }
        return Optional.empty();
    }

    private static Optional<Moderation> parse(String decision) {
        for (Moderation moderation : Moderation.values()) {
            if (lower(moderation).equals(decision)) {
                return Optional.of(moderation);
            }
        }
        return Optional.empty();
    }

    private static String lower(Moderation moderation) {
        return moderation.name().toLowerCase(Locale.ROOT);
    }
}
