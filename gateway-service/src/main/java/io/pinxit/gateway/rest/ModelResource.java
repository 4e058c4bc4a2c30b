package io.pinxit.gateway.rest;

import io.pinxit.contracts.JobKind;
import io.pinxit.contracts.ServedModel;
import io.pinxit.gateway.service.ServedModels;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

@Path("/api/v1/models")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class ModelResource {

    private final ServedModels servedModels;

    ModelResource(ServedModels servedModels) {
        this.servedModels = servedModels;
    }

    /** The generation models that running workers serve now, each with its model card. */
    @GET
    public List<ServedModel> models() {
        return servedModels.current(JobKind.GENERATION);
    }
}
