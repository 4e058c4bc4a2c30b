package io.pinxit.reliability;

import io.pinxit.launcher.ServiceProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/** A client that follows a job live (SSE) on one gateway: the stream's whole text, once it ended. */
final class LiveFollower {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private LiveFollower() {
    }

    static CompletableFuture<String> follow(ServiceProcess gateway, String adminKey, UUID job) {
        var request = HttpRequest.newBuilder(URI.create(gateway.url() + "/api/v1/jobs/" + job + "/events"))
                .header("Authorization", "Bearer " + adminKey).header("Accept", "text/event-stream")
                .timeout(FaultySuite.PATIENCE).build();
        return HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(HttpResponse::body);
    }
}
