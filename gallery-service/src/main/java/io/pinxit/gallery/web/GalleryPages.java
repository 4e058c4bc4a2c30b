package io.pinxit.gallery.web;

import io.pinxit.catalog.ArtworkCatalog;
import io.pinxit.catalog.ArtworkReviews;
import io.pinxit.catalog.CatalogEntry;
import io.pinxit.gallery.rest.ArtworkPage;
import io.pinxit.gallery.rest.ArtworkResource;
import io.pinxit.gallery.rest.ArtworkView;
import io.pinxit.gallery.rest.ListingQuery;
import io.pinxit.gallery.rest.PageValidators;
import io.pinxit.gallery.security.Viewer;
import io.pinxit.gallery.verification.StoredArtworkVerifier;
import io.pinxit.problem.Problem;
import io.pinxit.problem.ProblemException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The gallery for people: the newest artworks, filtered and searched, and one artwork's page. Both ask the JSON API's resource, so that paging
 * and who may see what are decided in one place only.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class GalleryPages {

    static final int PAGE_SIZE = 48;
    private static final int SIMILAR_COUNT = 8;

    private final ArtworkResource artworks;
    private final ArtworkCatalog catalog;
    private final StoredArtworkVerifier storedArtworks;
    private final ModelCards modelCards;
    private final FastStyles fastStyles;
    private final ArtworkReviews reviews;
    private final Viewer viewer;

    GalleryPages(ArtworkResource artworks, ArtworkCatalog catalog, StoredArtworkVerifier storedArtworks,
                 ModelCards modelCards, FastStyles fastStyles, ArtworkReviews reviews, Viewer viewer) {
        this.artworks = artworks;
        this.reviews = reviews;
        this.viewer = viewer;
        this.catalog = catalog;
        this.storedArtworks = storedArtworks;
        this.modelCards = modelCards;
        this.fastStyles = fastStyles;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance grid(List<ArtworkTile> tiles, GridFilters filters, String olderHref);

        static native TemplateInstance artwork(ArtworkDetail artwork, ModerationPanel moderation,
                                               List<ArtworkTile> similar, ModelCards.Card modelCard,
                                               List<GatewayJobs.Style> fastStyles);

        static native TemplateInstance problem(String title, String detail);
    }

    /**
     * The newest artworks, narrowed by the filters in the URL (the JSON API's own parameters). For an anonymous viewer
     * the page carries a validator made from what it shows (the artworks, their moderation, the filters' choices), so a
     * page the browser or a cache already holds is answered 304 before it is rendered; a signed-in viewer's page names
     * them and carries their session's form token, and is sent whole.
     */
    @GET
    public Response grid(@RestQuery String cursor, @RestQuery String q, @RestQuery String model,
                         @RestQuery String kind, @RestQuery String author, @RestQuery String licence,
                         @RestQuery String from, @RestQuery String until, @Context Request request) {
        ListingQuery query = ListingQuery.parse(q, model, kind, author, licence, from, until);
        ArtworkPage page = artworks.page(query, PAGE_SIZE, cursor);
        List<String> models = catalog.models();
        List<String> licences = catalog.licences();
        String filters = query.isEmpty() ? "" : query.toQueryString() + "&";
        String olderHref = page.next() == null ? null : "/?" + filters + "cursor=" + page.next();
        Supplier<TemplateInstance> grid = () -> Templates.grid(page.items().stream().map(ArtworkTile::of).toList(),
                GridFilters.of(query, models, licences), olderHref);
        if (viewer.isSignedIn()) {
            return Response.ok(grid.get()).build();
        }
        String facts = query.toQueryString() + "\n" + cursor + "\n" + olderHref + "\n" + models + "\n" + licences
                + page.items().stream().map(item -> "\n" + item.id() + " " + item.moderation())
                        .collect(Collectors.joining());
        return PageValidators.notModified(request, facts)
                .orElseGet(() -> Response.ok(grid.get()).tag(PageValidators.tagOf(facts)).build());
    }

    @GET
    @Path("artworks/{id}")
    public TemplateInstance artwork(@RestPath UUID id) {
        CatalogEntry entry = artworks.find(id);
        return Templates.artwork(ArtworkDetail.of(ArtworkView.of(entry.artwork(), entry.provenance()),
                ReportView.of(storedArtworks.verify(entry.artwork())), artworks.lineageOf(entry)),
                ModerationPanel.of(entry, reviews.decisions(id), viewer),
                artworks.similarTo(entry, SIMILAR_COUNT).stream().map(ArtworkTile::of).toList(),
                modelCards.find(entry.provenance().model().id()).orElse(null), fastStyles.forViewer());
    }

    /** A page's error is a page too, with the status the JSON API gives: 404 for an artwork one may not see. */
    @ServerExceptionMapper
    Response problem(ProblemException exception) {
        Problem problem = exception.problem();
        return Response.status(problem.status()).type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.problem(problem.title(), problem.detail()).render())
                .build();
    }
}
