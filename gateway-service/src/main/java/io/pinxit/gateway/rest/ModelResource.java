package io.pinxit.gateway.rest;

import io.pinxit.contracts.JobKind;
import io.pinxit.contracts.ServedModel;
import io.pinxit.gateway.security.Caller;
import io.pinxit.gateway.service.ModelRegistration;
import io.pinxit.gateway.service.ServedModels;
import io.pinxit.inference.ModelCard;
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
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

@Path("/api/v1/models")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class ModelResource {

    private final ServedModels servedModels;
    private final ModelRegistration registration;
    private final Caller caller;

    ModelResource(ServedModels servedModels, ModelRegistration registration, Caller caller) {
        this.servedModels = servedModels;
        this.registration = registration;
        this.caller = caller;
    }

    /** The generation models that running workers serve now, each with its model card. */
    @GET
    public List<ServedModel> models() {
        return servedModels.current(JobKind.GENERATION);
    }

    /**
     * Registers a generator: a {@code card} part (the JSON model card) and a {@code weights} part (its TorchScript or
     * ONNX file). Workers serve it within seconds; it then shows in {@link #models()}.
     */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed("scope:accounts:admin")
    public Response register(@RestForm("card") String card, @RestForm("weights") FileUpload weights) {
        ModelCard registered = registration.register(card, bytesOf(weights), caller.name()).card();
        return Response.status(Response.Status.CREATED).entity(registered).build();
    }

    private static byte[] bytesOf(FileUpload upload) {
        if (upload == null) {
            return null;
        }
        try {
            return Files.readAllBytes(upload.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the uploaded weights", e);
        }
    }
}
