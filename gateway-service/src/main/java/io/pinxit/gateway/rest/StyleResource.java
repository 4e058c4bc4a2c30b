package io.pinxit.gateway.rest;

import static io.pinxit.problem.ProblemException.invalidField;

import io.pinxit.catalog.SavedStyle;
import io.pinxit.catalog.StyleNetwork;
import io.pinxit.catalog.Upload;
import io.pinxit.gateway.security.Caller;
import io.pinxit.gateway.service.Author;
import io.pinxit.gateway.service.FastStyles;
import io.pinxit.gateway.service.ImageUploads;
import io.pinxit.gateway.service.StyleRequest;
import io.pinxit.gateway.service.StyleTransfers.UploadedFile;
import io.pinxit.gateway.service.Styles;
import io.pinxit.problem.StrictForm;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.multipart.MultipartFormDataInput;

/** The style library: pictures to paint in the manner of, each with the credit its source artwork is owed. */
@Tag(name = "Styles")
@Path(StyleResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
public class StyleResource {

    static final String PATH = "/api/v1/styles";
    private static final String IMAGE_PART = "image";
    private static final String STYLE_PART = "style";
    private static final int DEFAULT_LIMIT = 50;

    private final Styles styles;
    private final FastStyles fastStyles;
    private final ImageUploads uploads;
    private final FormParts forms;
    private final Caller caller;

    StyleResource(Styles styles, FastStyles fastStyles, ImageUploads uploads, FormParts forms, Caller caller) {
        this.styles = styles;
        this.fastStyles = fastStyles;
        this.uploads = uploads;
        this.forms = forms;
        this.caller = caller;
    }

    /** A page of styles, newest first, with the cursor of the next page when there is one. */
    public record StylePage(List<StyleView> items, String next) {
    }

    @Operation(operationId = "saveStyle", summary = "Save a style",
            description = "Saves a style: form part `style` holds its JSON description (name, attribution, source, "
                + "licence, visibility), file part `image` its picture (PNG, JPEG or WebP, checked like "
                + "every upload).")
    @APIResponse(responseCode = "201", description = "Saved: the style",
            content = @Content(schema = @Schema(implementation = StyleView.class)))
    @RequestBody(content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA,
            schema = @Schema(type = SchemaType.OBJECT, properties = {
        @SchemaProperty(name = STYLE_PART, type = SchemaType.STRING, description = "The style's JSON description"),
        @SchemaProperty(name = IMAGE_PART, type = SchemaType.STRING, format = "binary")})))
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed("scope:jobs:submit")
    public Response save(MultipartFormDataInput input) {
        StrictForm form = StrictForm.read(input, Set.of(IMAGE_PART), Set.of(STYLE_PART));
        StyleRequest request = forms.json(form, STYLE_PART, StyleRequest.class).orElseThrow(() ->
                invalidField(STYLE_PART, "is required: a JSON part {\"name\", \"attribution\", \"source\", "
                        + "\"licence\", \"visibility\"?}"));
        UploadedFile image = FormParts.file(form, IMAGE_PART).orElseThrow(() ->
                invalidField(IMAGE_PART, "is required: the style's picture (PNG, JPEG or WebP) as a file part"));
        Upload picture = uploads.accept(IMAGE_PART, image.fileName(), image.path());
        SavedStyle saved = styles.save(request, picture, new Author(caller.accountId(), caller.name()));
        StyleView view = view(saved);
        return Response.created(URI.create(view.links().get("self"))).entity(view).build();
    }

    @Operation(operationId = "listStyles", summary = "List the style library",
            description = "The styles listed to the caller: the public ones and their own (an administrator's: "
                + "all), newest first.")
    @GET
    @RolesAllowed("scope:jobs:read")
    public StylePage list(@RestQuery @Min(1) @Max(100) Integer limit, @RestQuery String cursor) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        List<SavedStyle> page = styles.list(size, PageCursor.olderThan(cursor), caller.accountId(), caller.isAdmin());
        Map<UUID, StyleNetwork> networks = fastStyles.of(page.stream().map(SavedStyle::id).toList());
        List<StyleView> items = page.stream()
                .map(style -> StyleView.of(style, Optional.ofNullable(networks.get(style.id())))).toList();
        String next = items.size() == size ? items.get(items.size() - 1).id().toString() : null;
        return new StylePage(items, next);
    }

    @Operation(operationId = "getStyle", summary = "Get a style",
            description = "A style the caller may see: public and unlisted ones, their own; any other is answered "
                + "as unknown.")
    @GET
    @Path("{id}")
    @RolesAllowed("scope:jobs:read")
    public StyleView style(@RestPath UUID id) {
        return view(styles.visible(id, caller.accountId(), caller.isAdmin()));
    }

    @Operation(operationId = "getStyleImage", summary = "Get a style's picture",
            description = "The style's picture as stored: a PNG, upright, without the uploaded file's metadata.")
    @GET
    @Path("{id}/image")
    @RolesAllowed("scope:jobs:read")
    @Produces("image/png")
    public Response image(@RestPath UUID id) {
        SavedStyle style = styles.visible(id, caller.accountId(), caller.isAdmin());
        String sha256 = style.image().image().imageSha256();
        return Response.ok(styles.picture(style), "image/png")
                .tag(sha256)
                .header("Cache-Control", "private, max-age=31536000, immutable")
                .build();
    }

    private StyleView view(SavedStyle style) {
        return StyleView.of(style, fastStyles.of(style.id()));
    }
}
