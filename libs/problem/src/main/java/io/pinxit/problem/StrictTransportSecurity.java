package io.pinxit.problem;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Tells browsers to reach this host over HTTPS only, for a year (HSTS), on every answer served over HTTPS: directly,
 * or behind a TLS-terminating proxy whose X-Forwarded-Proto the service is configured to trust
 * ({@code quarkus.http.proxy.*}). RFC 6797 forbids the header on plain HTTP, where anyone on the path could strip or
 * forge it.
 */
@ApplicationScoped
public class StrictTransportSecurity {

    public static final String HEADER = "Strict-Transport-Security";
    public static final String ONE_YEAR = "max-age=31536000";

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            if ("https".equals(context.request().scheme())) {
                context.response().putHeader(HEADER, ONE_YEAR);
            }
            context.next();
        });
    }
}
