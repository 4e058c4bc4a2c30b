package io.pinxit.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Asks a Quarkus service's {@code /q/health/ready}, with short timeouts so no check can hang. */
final class ReadinessProbe {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);

    /** @param detail what the service answered, or why it could not be asked */
    record Readiness(boolean ready, String detail) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();

    Readiness check(URI service) throws InterruptedException {
        var request = HttpRequest.newBuilder(service.resolve("/q/health/ready"))
                .timeout(REQUEST_TIMEOUT)
                .GET()
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Readiness(response.statusCode() == 200, "HTTP " + response.statusCode() + " " + response.body());
        } catch (IOException e) {
            return new Readiness(false, e.toString());
        }
    }
}
