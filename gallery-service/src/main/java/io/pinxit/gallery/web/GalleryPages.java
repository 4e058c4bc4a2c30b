package io.pinxit.gallery.web;

import io.pinxit.gallery.rest.ArtworkPage;
import io.pinxit.gallery.rest.ArtworkResource;
import io.pinxit.problem.Problem;
import io.pinxit.problem.ProblemException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The gallery for people: the newest artworks and one artwork's page. Both ask the JSON API's resource, so that paging
 * and who may see what are decided in one place only.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class GalleryPages {

    static final int PAGE_SIZE = 48;

    private final ArtworkResource artworks;

    GalleryPages(ArtworkResource artworks) {
        this.artworks = artworks;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance grid(List<ArtworkTile> tiles, String olderHref);

        static native TemplateInstance artwork(ArtworkDetail artwork);

        static native TemplateInstance problem(String title, String detail);
    }

    @GET
    public TemplateInstance grid(@RestQuery String cursor) {
        ArtworkPage page = artworks.page(PAGE_SIZE, cursor);
        String olderHref = page.next() == null ? null : "/?cursor=" + page.next();
        return Templates.grid(page.items().stream().map(ArtworkTile::of).toList(), olderHref);
    }

    @GET
    @Path("artworks/{id}")
    public TemplateInstance artwork(@RestPath UUID id) {
        return Templates.artwork(ArtworkDetail.of(artworks.artwork(id), artworks.lineage(id)));
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
