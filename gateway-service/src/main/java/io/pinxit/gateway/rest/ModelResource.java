package io.pinxit.gateway.rest;

import io.pinxit.contracts.JobKind;
import io.pinxit.contracts.ServedModel;
import io.pinxit.gateway.security.Caller;
import io.pinxit.gateway.service.ModelRegistration;
import io.pinxit.gateway.service.ServedModels;
import io.pinxit.gateway.service.StyleTransfers.UploadedFile;
import io.pinxit.inference.ModelCard;
import io.pinxit.problem.StrictForm;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.multipart.MultipartFormDataInput;

@Tag(name = "Models")
@Path("/api/v1/models")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class ModelResource {

    private static final String CARD_PART = "card";
    private static final String WEIGHTS_PART = "weights";

    private final ServedModels servedModels;
    private final ModelRegistration registration;
    private final Caller caller;

    ModelResource(ServedModels servedModels, ModelRegistration registration, Caller caller) {
        this.servedModels = servedModels;
        this.registration = registration;
        this.caller = caller;
    }

    @Operation(operationId = "listModels", summary = "List the served models",
            description = "The generation models that running workers serve now, each with its model card.")
    @GET
    public List<ServedModel> models() {
        return servedModels.current(JobKind.GENERATION);
    }

    @Operation(operationId = "registerModel", summary = "Register a generator",
            description = "Registers a generator: a `card` part (the JSON model card) and a `weights` part (its "
                + "TorchScript or ONNX file). Workers serve it within seconds; it then shows in `listModels`.")
    @APIResponse(responseCode = "201", description = "Registered: the stored model card")
    @RequestBody(content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA,
            schema = @Schema(type = SchemaType.OBJECT, properties = {
        @SchemaProperty(name = CARD_PART, type = SchemaType.STRING, description = "The JSON model card"),
        @SchemaProperty(name = WEIGHTS_PART, type = SchemaType.STRING, format = "binary")})))
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed("scope:accounts:admin")
    public Response register(MultipartFormDataInput input) {
        StrictForm form = StrictForm.read(input, Set.of(WEIGHTS_PART), Set.of(CARD_PART));
        String card = FormParts.text(form, CARD_PART).orElse(null);
        byte[] weights = FormParts.file(form, WEIGHTS_PART).map(ModelResource::bytesOf).orElse(null);
        ModelCard registered = registration.register(card, weights, caller.name()).card();
        return Response.status(Response.Status.CREATED).entity(registered).build();
    }

    private static byte[] bytesOf(UploadedFile upload) {
        try {
            return Files.readAllBytes(upload.path());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the uploaded weights", e);
        }
    }
}
