package io.pinxit.gallery.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pinxit.catalog.Artwork;
import io.pinxit.catalog.Moderation;
import io.pinxit.catalog.ArtworkCatalog;
import io.pinxit.catalog.CatalogEntry;
import io.pinxit.catalog.Lineage;
import io.pinxit.catalog.StoredImage;
import io.pinxit.catalog.Thumbnail;
import io.pinxit.contracts.Visibility;
import io.pinxit.gallery.security.CachingByViewer;
import io.pinxit.gallery.security.Viewer;
import io.pinxit.problem.Problem;
import io.pinxit.problem.ProblemException;
import io.pinxit.storage.ObjectStore;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

@Tag(name = "Artworks")
@Path(ArtworkResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
public class ArtworkResource {

    static final String PATH = "/api/v1/artworks";
    private static final int MAX_LINEAGE_DEPTH = 10;

    private final ArtworkCatalog catalog;
    private final ObjectStore store;
    private final Viewer viewer;
    private final ObjectMapper json;

    ArtworkResource(ArtworkCatalog catalog, ObjectStore store, Viewer viewer, ObjectMapper json) {
        this.catalog = catalog;
        this.store = store;
        this.viewer = viewer;
        this.json = json;
    }

    @Operation(operationId = "listArtworks", summary = "List artworks",
            description = "Newest first, a page at a time; follow `next` (or the Link header) for the next page. "
                + "Public artworks for everyone; with an API key, the caller's own unlisted and private "
                + "ones too. Optional filters: `q` (words in title, description, label, prompt or model; "
                + "\"quotes\", -not, or), `model`, `kind`, `author` (id), `licence`, `from` and `until` "
                + "(UTC days made, inclusive). Each page carries an ETag: If-None-Match with it is answered 304 "
                + "while the page is unchanged.")
    @APIResponse(responseCode = "200", description = "A page of artworks, newest first",
            content = @Content(schema = @Schema(implementation = ArtworkPage.class)))
    @GET
    public Response list(@RestQuery @Min(1) @Max(100) Integer limit, @RestQuery String cursor, @RestQuery String q,
                         @RestQuery String model, @RestQuery String kind, @RestQuery String author,
                         @RestQuery String licence, @RestQuery String from, @RestQuery String until,
                         @Context Request request) throws JsonProcessingException {
        int pageSize = limit == null ? 20 : limit;
        ListingQuery query = ListingQuery.parse(q, model, kind, author, licence, from, until);
        ArtworkPage body = page(query, pageSize, cursor);
        Response.ResponseBuilder response = PageValidators.validated(request, json.writeValueAsBytes(body),
                MediaType.APPLICATION_JSON);
        if (body.next() != null) {
            String filters = query.isEmpty() ? "" : query.toQueryString() + "&";
            String nextPage = PATH + "?" + filters + "limit=" + pageSize + "&cursor=" + body.next();
            response.header("Link", "<" + nextPage + ">; rel=\"next\"");
        }
        return response.build();
    }

    /** One page of the artworks the caller may see that match the query, newest first, after {@code cursor}. */
    public ArtworkPage page(ListingQuery query, int pageSize, String cursor) {
        Optional<UUID> olderThan = Optional.ofNullable(cursor).map(Cursor::decode).map(Cursor::lastSeen);
        List<Artwork> rows = catalog.list(query.filter(), pageSize + 1, olderThan, viewer.ownWorkAccount());
        List<Artwork> page = rows.subList(0, Math.min(pageSize, rows.size()));
        String next = rows.size() > pageSize ? new Cursor(page.get(page.size() - 1).id()).encode() : null;
        return new ArtworkPage(page.stream().map(ArtworkView::summary).toList(), next);
    }

    @Operation(operationId = "getArtwork", summary = "Get an artwork",
            description = "One artwork the caller may see, with its provenance record: the model (id, version, "
                + "family, weights' hash), the parameters, the worker, device and engine that made it, and "
                + "the credits owed to the model's training data.")
    @GET
    @Path("{id}")
    public ArtworkView artwork(@RestPath UUID id) {
        CatalogEntry entry = find(id);
        return ArtworkView.of(entry.artwork(), entry.provenance());
    }

    @Operation(operationId = "getArtworkLineage", summary = "Get an artwork's lineage",
            description = "Where the artwork came from and what was made from it, up to ten generations each way. "
                + "Ancestors the caller may not see are left out, and so are descendants the caller may not list "
                + "(someone else's unlisted or private work: an unlisted artwork is shared by its link alone), "
                + "with the edges that lead to them.")
    @GET
    @Path("{id}/lineage")
    public Lineage lineage(@RestPath UUID id) {
        return lineageOf(find(id));
    }

    /** The lineage of an artwork the caller was already found to see, without the relatives not to show them. */
    public Lineage lineageOf(CatalogEntry visible) {
        UUID id = visible.artwork().id();
        Lineage lineage = catalog.lineage(id, MAX_LINEAGE_DEPTH);
        return new Lineage(id, shown(lineage.ancestors(), Lineage.Edge::parentId, viewer::maySee),
                shown(lineage.descendants(), Lineage.Edge::childId, viewer::mayList));
    }

    @Operation(operationId = "listSimilarArtworks", summary = "More like this",
            description = "\"More like this\": the artworks whose pictures look most like this one's (by an image "
                + "embedding computed once per artwork), most alike first, among those the caller may list. "
                + "/")
    @GET
    @Path("{id}/similar")
    public List<ArtworkView> similar(@RestPath UUID id, @RestQuery @Min(1) @Max(48) Integer limit) {
        return similarTo(find(id), limit == null ? 12 : limit);
    }

    /** The artworks most like one the caller was already found to see. */
    public List<ArtworkView> similarTo(CatalogEntry visible, int limit) {
        return catalog.similar(visible.artwork().id(), limit, viewer.ownWorkAccount()).stream()
                .map(ArtworkView::summary).toList();
    }

    @Operation(operationId = "getArtworkImage", summary = "Get an artwork's picture",
            description = "The stored image: the model's own pixels with a signed manifest; immutable, so a public "
                + "one may be cached forever, by anyone.")
    @GET
    @Path("{id}/image")
    @Produces("image/png")
    public Response image(@RestPath UUID id, @Context Request request) {
        return original(request, visibleArtwork(id));
    }

    @Operation(operationId = "getArtworkThumbnail", summary = "Get an artwork's thumbnail",
            description = "A small copy for grids (at most 256 pixels a side, no manifest), made when the artwork "
                + "was recorded.")
    @GET
    @Path("{id}/thumbnail")
    @Produces("image/png")
    public Response thumbnail(@RestPath UUID id, @Context Request request) {
        Artwork artwork = visibleArtwork(id);
        requireStoredPicture(artwork);
        Thumbnail thumbnail = artwork.thumbnail();
        if (thumbnail == null) {
            return original(request, artwork);
        }
        return immutable(request, artwork, thumbnail.key(), "image/png", thumbnail.key());
    }

    private Response original(Request request, Artwork artwork) {
        requireStoredPicture(artwork);
        StoredImage image = artwork.image();
        return immutable(request, artwork, image.key(), image.mediaType(), image.sha256());
    }

    /**
     * Streams a stored object of an artwork that never changes; a content-addressed key or hash is its entity tag, and
     * a request that names it in If-None-Match is answered 304 without reading the store. A public artwork's may be
     * cached by anyone; another's only by the browser of whoever may see it, never by a shared cache, and a cache must
     * tell apart the requests of different callers.
     */
    private Response immutable(Request request, Artwork artwork, String key, String mediaType, String tag) {
        EntityTag entityTag = new EntityTag(tag);
        Response.ResponseBuilder notModified = request.evaluatePreconditions(entityTag);
        StreamingOutput bytes = output -> {
            try (InputStream stored = store.open(key)) {
                stored.transferTo(output);
            }
        };
        boolean isPublic = artwork.authorship().visibility() == Visibility.PUBLIC && artwork.moderation().isListed();
        var response = (notModified != null ? notModified : Response.ok(bytes, mediaType).tag(entityTag))
                .header("Cache-Control", isPublic ? "public, max-age=31536000, immutable" : "private, no-store");
        if (!isPublic) {
            response.header(HttpHeaders.VARY, CachingByViewer.VARIES_WITH_CREDENTIALS);
        }
        return response.build();
    }

    private static void requireStoredPicture(Artwork artwork) {
        if (artwork.moderation() == Moderation.DELETED) {
            throw new ProblemException(Problem.of(GalleryProblems.PICTURE_DELETED, "A reviewer deleted the picture of"
                    + " artwork " + artwork.id() + "; its records are kept"));
        }
    }

    private List<Lineage.Edge> shown(List<Lineage.Edge> edges, Function<Lineage.Edge, UUID> farEnd,
                                     Predicate<Artwork> mayShow) {
        var hidden = edges.stream().map(farEnd).distinct()
                .filter(artwork -> catalog.find(artwork).filter(entry -> mayShow.test(entry.artwork())).isEmpty())
                .collect(Collectors.toSet());
        return edges.stream().filter(edge -> !hidden.contains(edge.parentId()) && !hidden.contains(edge.childId()))
                .toList();
    }

    /** An artwork the caller may see; someone else's private artwork is answered as one that does not exist. */
    public CatalogEntry find(UUID id) {
        return catalog.find(id)
                .filter(entry -> viewer.maySee(entry.artwork()))
                .orElseThrow(() -> notFound(id));
    }

    /** The artwork without its provenance record: a grid's every thumbnail asks, and needs only the row. */
    private Artwork visibleArtwork(UUID id) {
        return catalog.findArtwork(id).filter(viewer::maySee).orElseThrow(() -> notFound(id));
    }

    private static ProblemException notFound(UUID id) {
        return new ProblemException(Problem.of(GalleryProblems.ARTWORK_NOT_FOUND, "There is no artwork " + id));
    }
}
