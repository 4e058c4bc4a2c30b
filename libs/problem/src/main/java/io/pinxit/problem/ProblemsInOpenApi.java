package io.pinxit.problem;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents the one error shape in every service's OpenAPI document, so generated clients can read errors: each
 * operation lists the problems it can answer with, as {@value Problem#MEDIA_TYPE} of the schema {@code Problem} — 400
 * when it takes input, 401 and 403 when it needs a key, 404 when its path names something, and 503 for an outage of
 * what the service depends on.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ProblemsInOpenApi implements OASFilter {

    private static final String SCHEMA = "Problem";
    private static final Map<String, String> GENERIC = Map.of(
            "400", "The request is not valid: the problem's errors name each offending field",
            "401", "No API key, or one that is not valid",
            "403", "The API key may not do this",
            "404", "There is no such thing, or the caller may not see it",
            "503", "A service this one depends on is unavailable; try again after Retry-After seconds");

    @Override
    public Operation filterOperation(Operation operation) {
        APIResponses responses = operation.getResponses();
        boolean takesInput = operation.getRequestBody() != null
                || operation.getParameters() != null && !operation.getParameters().isEmpty();
        boolean namesSomething = operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(parameter -> parameter.getIn() == Parameter.In.PATH);
        if (takesInput) {
            responses.addAPIResponse("400", problem("400"));
        }
        if (namesSomething) {
            responses.addAPIResponse("404", problem("404"));
        }
        for (String status : new String[] {"401", "403"}) {
            if (responses.hasAPIResponse(status)) {
                responses.addAPIResponse(status, problem(status));
            }
        }
        responses.addAPIResponse("503", problem("503"));
        return operation;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null
                || openAPI.getPaths().getPathItems().isEmpty()) {
            return;
        }
        Schema text = OASFactory.createSchema().addType(SchemaType.STRING);
        Schema fieldError = OASFactory.createSchema().addType(SchemaType.OBJECT)
                .addProperty("field", text).addProperty("message", text);
        openAPI.getComponents().addSchema(SCHEMA, OASFactory.createSchema().addType(SchemaType.OBJECT)
                .description("An RFC 9457 problem: type names the kind of error (urn:pinxit:problem:...), errors "
                        + "each offending request field")
                .addProperty("type", OASFactory.createSchema().addType(SchemaType.STRING).format("uri"))
                .addProperty("title", text)
                .addProperty("status", OASFactory.createSchema().addType(SchemaType.INTEGER))
                .addProperty("detail", text)
                .addProperty("instance", OASFactory.createSchema().addType(SchemaType.STRING).format("uri"))
                .addProperty("errors", OASFactory.createSchema().addType(SchemaType.ARRAY).items(fieldError))
                .addRequired("type").addRequired("title").addRequired("status"));
    }

    private static APIResponse problem(String status) {
        return OASFactory.createAPIResponse().description(GENERIC.get(status)).content(OASFactory.createContent()
                .addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref(SCHEMA))));
    }
}
