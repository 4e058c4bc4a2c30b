package io.pinxit.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/** Follows a job's server-sent events as a client does. */
final class EventStreams {

    private EventStreams() {
    }

    /** Adds each event's job to {@code seen} until the stream ends; blocks, so run it aside. */
    static void follow(URL baseUrl, ObjectMapper json, String key, UUID jobId, List<JsonNode> seen) {
        var request = HttpRequest.newBuilder(URI.create(baseUrl + "api/v1/jobs/" + jobId + "/events"))
                .header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + key).build();
        try {
            HttpResponse<InputStream> response = HttpClient.newHttpClient()
                    .send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (var lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith("data:")) {
                        seen.add(json.readTree(line.substring("data:".length())));
                    }
                }
            }
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("The event stream broke", e);
        }
    }
}
