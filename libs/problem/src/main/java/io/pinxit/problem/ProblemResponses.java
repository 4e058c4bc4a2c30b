package io.pinxit.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.pinxit.delivery.TransientFaults;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every exception that reaches the HTTP layer into a problem+json response. */
public class ProblemResponses {

    private static final Logger LOG = Logger.getLogger(ProblemResponses.class);
    /** Outages worth retrying through last seconds to minutes; a client that comes back sooner only adds load. */
    static final int RETRY_AFTER_SECONDS = 5;

    @ServerExceptionMapper
    public Response problem(ProblemException exception) {
        Response.ResponseBuilder response = Response.status(exception.problem().status())
                .type(Problem.MEDIA_TYPE)
                .entity(exception.problem());
        exception.headers().forEach(response::header);
        return response.build();
    }

    @ServerExceptionMapper({AuthenticationFailedException.class, UnauthorizedException.class})
    public Response unauthenticated(RuntimeException exception) {
        String detail = exception instanceof AuthenticationFailedException && exception.getMessage() != null
                ? exception.getMessage()
                : "Send an API key as 'Authorization: Bearer <key>'";
        return Response.fromResponse(respond(Problem.of(ProblemTypes.UNAUTHENTICATED, detail)))
                .header("WWW-Authenticate", "Bearer realm=\"pinxit\"").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException exception) {
        return respond(Problem.of(ProblemTypes.FORBIDDEN, "The API key does not allow this"));
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException exception) {
        List<Problem.FieldError> errors = exception.getConstraintViolations().stream()
                .map(violation -> new Problem.FieldError(fieldOf(violation), violation.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream().map(e -> e.field() + " " + e.message()).collect(Collectors.joining("; "));
        return respond(Problem.of(ProblemTypes.INVALID_REQUEST, detail, errors));
    }

    // The subtypes are named so that these mappings win over Quarkus' built-in ones for them.
    @ServerExceptionMapper({JsonProcessingException.class, JsonParseException.class, JsonMappingException.class,
            MismatchedInputException.class})
    public Response malformedBody(Exception exception) {
        if (exception instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = jsonPath(mapping);
            String message = exception instanceof StrictJson.NulCharacterException ? "holds a NUL character"
                    : "has the wrong type or format";
            return respond(Problem.of(ProblemTypes.MALFORMED_BODY, field + " " + message,
                    List.of(new Problem.FieldError(field, message))));
        }
        return respond(Problem.of(ProblemTypes.MALFORMED_BODY, "The body is not well-formed JSON"));
    }

    /**
     * The request could not be read: its body ends before its length or before its multipart form's closing
     * boundary, or its connection broke. Resources catch or wrap their own I/O failures, so an I/O failure that
     * reaches here came from reading the request (its body, or an upload spooled from it): the client's to fix.
     */
    @ServerExceptionMapper
    public Response unreadableBody(IOException exception) {
        return respond(Problem.of(ProblemTypes.MALFORMED_BODY, "The body cannot be read: it ends early, or a "
                + "multipart form lacks its closing boundary"));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException exception) {
        if (exception.getCause() instanceof JsonProcessingException unreadable) {
            return malformedBody(unreadable);
        }
        Response.StatusType status = exception.getResponse().getStatusInfo();
        if (status.getStatusCode() >= 500) {
            LOG.error("Request failed", exception);
        }
        ProblemType type = ProblemTypes.forStatus(status.getStatusCode(), status.getReasonPhrase());
        return respond(Problem.of(type, exception.getMessage()));
    }

    /**
     * A fault that is an outage of a dependency (see {@link TransientFaults}) is 503 with Retry-After: the client
     * did nothing wrong and may try again; anything else is the server's own failure.
     */
    @ServerExceptionMapper
    public Response unexpected(Exception exception) {
        if (TransientFaults.isTransient(exception)) {
            LOG.warnf("A dependency is unavailable: %s", exception.getMessage());
            return Response.fromResponse(respond(Problem.of(ProblemTypes.SERVICE_UNAVAILABLE,
                            "A service this request needs is unavailable; nothing was recorded. Retry later, with "
                                    + "the same Idempotency-Key for a submission.")))
                    .header("Retry-After", RETRY_AFTER_SECONDS).build();
        }
        LOG.error("Unexpected failure while serving a request", exception);
        return respond(Problem.of(ProblemTypes.INTERNAL, "The server failed to complete the request"));
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    static String jsonPath(JsonMappingException exception) {
        return exception.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    /**
     * The violated property's path inside the request, without the resource method and parameter names; a
     * violation of a whole parameter is named by the parameter (resources call their entity parameter "body").
     */
    static String fieldOf(ConstraintViolation<?> violation) {
        List<Path.Node> nodes = StreamSupport.stream(violation.getPropertyPath().spliterator(), false).toList();
        List<String> properties = nodes.stream()
                .filter(node -> node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.CONTAINER_ELEMENT)
                .map(Path.Node::getName)
                .toList();
        if (!properties.isEmpty()) {
            return String.join(".", properties);
        }
        return nodes.get(nodes.size() - 1).getName();
    }
}
