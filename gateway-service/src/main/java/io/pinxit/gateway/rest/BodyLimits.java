package io.pinxit.gateway.rest;

import io.pinxit.gateway.config.GatewayConfig;
import io.pinxit.gateway.service.GatewayProblems;
import io.pinxit.problem.Problem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a body larger than its route takes before reading it, when its Content-Length says so: a JSON request at
 * most {@code pinxit.gateway.uploads.max-json-bytes}, a form with pictures at most two uploads and their request;
 * only model registration takes up to {@code quarkus.http.limits.max-body-size}, which also bounds bodies sent
 * without a length.
 */
public class BodyLimits {

    private static final String MODEL_REGISTRATION = "/api/v1/models";

    private final GatewayConfig config;

    BodyLimits(GatewayConfig config) {
        this.config = config;
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> refuseOversizedBodies(ContainerRequestContext request) {
        int length = request.getLength();
        MediaType type = request.getMediaType();
        if (length < 0 || type == null) {
            return Optional.empty();
        }
        long limit;
        if (MediaType.APPLICATION_JSON_TYPE.isCompatible(type)) {
            limit = config.uploads().maxJsonBytes().asLongValue();
        } else if (MediaType.MULTIPART_FORM_DATA_TYPE.isCompatible(type)
                && !request.getUriInfo().getPath().startsWith(MODEL_REGISTRATION)) {
            limit = 2 * config.uploads().maxBytes().asLongValue() + config.uploads().maxJsonBytes().asLongValue();
        } else {
            return Optional.empty();
        }
        return length <= limit ? Optional.empty() : Optional.of(Response.status(413)
                .type(Problem.MEDIA_TYPE).entity(Problem.of(GatewayProblems.BODY_TOO_LARGE,
                        "This request takes a body of at most " + limit + " bytes; this one has " + length)).build());
    }
}
