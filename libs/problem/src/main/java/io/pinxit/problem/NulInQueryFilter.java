package io.pinxit.problem;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** A query parameter that holds a NUL character is the client's mistake (400), before any database sees it. */
public class NulInQueryFilter {

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> refuseNul(ContainerRequestContext request) {
        for (Map.Entry<String, List<String>> parameter : request.getUriInfo().getQueryParameters().entrySet()) {
            if (parameter.getKey().indexOf('\u0000') >= 0
                    || parameter.getValue().stream().anyMatch(value -> value.indexOf('\u0000') >= 0)) {
                String name = parameter.getKey().replace('\u0000', '?');
                return Optional.of(ProblemResponses.respond(Problem.of(ProblemTypes.INVALID_REQUEST,
                        "Query parameter " + name + " holds a NUL character",
                        List.of(new Problem.FieldError(name, "holds a NUL character")))));
            }
        }
        return Optional.empty();
    }
}
