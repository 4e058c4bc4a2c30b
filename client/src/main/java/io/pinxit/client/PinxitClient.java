package io.pinxit.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Calls the gateway's and the gallery's HTTP APIs with one API key. Each call answers the value read from the API
 * and the JSON it came as; a problem answer becomes an {@link ApiException}, a service that does not answer an
 * {@link UnreachableException}. Method names follow the operations of the services' OpenAPI documents.
 */
public final class PinxitClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final URI gateway;
    private final URI gallery;
    private final Optional<String> key;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper json = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    public PinxitClient(URI gateway, URI gallery, Optional<String> key) {
        this.gateway = gateway;
        this.gallery = gallery;
        this.key = key;
    }

    /**
     * Submits a job of one kind: {@code generations}, {@code upscales}, {@code interpolations} or
     * {@code style-transfers} (by reference), with its JSON request.
     */
    public Answer<Job> submit(String kind, Map<String, Object> request) {
        return read(send(gatewayRequest("/api/v1/jobs/" + kind).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(write(request)))), Job.class);
    }

    /** Submits a style transfer whose content and style may be local pictures, uploaded beside the request. */
    public Answer<Job> submitStyleTransfer(Map<String, Object> request, Optional<Path> content, Optional<Path> style) {
        MultipartForm form = new MultipartForm().json("request", write(request));
        content.ifPresent(file -> form.file("content", file));
        style.ifPresent(file -> form.file("style", file));
        return read(send(gatewayRequest("/api/v1/jobs/style-transfers").header("Content-Type", form.contentType())
                .POST(form.publisher())), Job.class);
    }

    public Answer<Job> getJob(UUID id) {
        return read(send(gatewayRequest("/api/v1/jobs/" + id).GET()), Job.class);
    }

    public Answer<Job> cancelJob(UUID id) {
        return read(send(gatewayRequest("/api/v1/jobs/" + id).DELETE()), Job.class);
    }

    /** A page of the caller's jobs; {@code filters} are the listing's query parameters (state, kind, cursor, ...). */
    public Answer<JobPage> listJobs(Map<String, String> filters) {
        String query = filters.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return read(send(gatewayRequest("/api/v1/jobs" + (query.isEmpty() ? "" : "?" + query)).GET()),
                JobPage.class);
    }

    /** Hands each state of the job to {@code onChange} as it changes, from now until it has finished. */
    public void followJob(UUID id, Consumer<Answer<Job>> onChange) {
        HttpRequest request = authorized(HttpRequest.newBuilder(gateway.resolve("/api/v1/jobs/" + id + "/events")))
                .header("Accept", "text/event-stream").GET().build();
        HttpResponse<Stream<String>> response = exchange(request, HttpResponse.BodyHandlers.ofLines());
        try (Stream<String> lines = response.body()) {
            if (response.statusCode() >= 400) {
                throw problem(response.statusCode(), lines.collect(Collectors.joining("\n")));
            }
            EventStream.read(lines, data -> {
                Answer<Job> job = new Answer<>(parse(data, Job.class), data);
                onChange.accept(job);
                return !job.value().isFinished();
            });
        }
    }

    public Answer<Job> reproduceArtwork(UUID artworkId) {
        return read(send(gatewayRequest("/api/v1/artworks/" + artworkId + "/reproduce")
                .POST(HttpRequest.BodyPublishers.noBody())), Job.class);
    }

    public Answer<List<ServedModel>> listModels() {
        return read(send(gatewayRequest("/api/v1/models").GET()), new TypeReference<>() {
        });
    }

    public Answer<Style.Page> listStyles() {
        return read(send(gatewayRequest("/api/v1/styles?limit=100").GET()), Style.Page.class);
    }

    public Answer<List<ApiKey>> listKeys() {
        return read(send(gatewayRequest("/api/v1/keys").GET()), new TypeReference<>() {
        });
    }

    /**
     * Issues a key for my account: with {@code scopes}, else those of the calling key; expiring at
     * {@code expiresAt}, else when the calling key does.
     */
    public Answer<IssuedKey> issueKey(String name, List<String> scopes, Optional<Instant> expiresAt) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("name", name);
        if (!scopes.isEmpty()) {
            request.put("scopes", scopes);
        }
        expiresAt.ifPresent(at -> request.put("expiresAt", at.toString()));
        return read(send(gatewayRequest("/api/v1/keys").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(write(request)))), IssuedKey.class);
    }

    public void revokeKey(UUID id) {
        requireSuccess(send(gatewayRequest("/api/v1/keys/" + id).DELETE()));
    }

    /** Registers my webhook anew: a new signing secret, and {@code url} as where my jobs' changes go by default. */
    public Answer<Webhook> registerWebhook(Optional<URI> url) {
        Map<String, Object> request = new LinkedHashMap<>();
        url.ifPresent(given -> request.put("url", given.toString()));
        return read(send(gatewayRequest("/api/v1/accounts/me/webhook").header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(write(request)))), Webhook.class);
    }

    public Answer<Webhook> getWebhook() {
        return read(send(gatewayRequest("/api/v1/accounts/me/webhook").GET()), Webhook.class);
    }

    public void removeWebhook() {
        requireSuccess(send(gatewayRequest("/api/v1/accounts/me/webhook").DELETE()));
    }

    /** The artwork's picture as stored, its signed manifest inside (operation {@code getArtworkImage}). */
    public byte[] getArtworkImage(UUID artworkId) {
        HttpRequest request = galleryRequest("/api/v1/artworks/" + artworkId + "/image").GET().build();
        HttpResponse<byte[]> response = exchange(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() >= 400) {
            throw problem(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
        }
        return response.body();
    }

    /** Reports an artwork, or appeals the decision on my own (operation {@code requestReview}). */
    public Answer<Review.Request> requestReview(UUID artworkId, String reason) {
        return read(send(galleryRequest("/api/v1/artworks/" + artworkId + "/review-requests")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(write(Map.of("reason", reason))))), Review.Request.class);
    }

    /** Administrators: the artworks waiting for a reviewer (operation {@code listReviewQueue}). */
    public Answer<List<Review.Waiting>> listReviewQueue() {
        return read(send(galleryRequest("/api/v1/review-queue?limit=100").GET()), new TypeReference<>() {
        });
    }

    /** Administrators: decides how the gallery treats an artwork (operation {@code moderateArtwork}). */
    public Answer<Review.Artwork> moderateArtwork(UUID artworkId, String decision, Optional<String> note) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("decision", decision);
        note.ifPresent(text -> request.put("note", text));
        return read(send(galleryRequest("/api/v1/artworks/" + artworkId + "/moderation")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(write(request)))), Review.Artwork.class);
    }

    /** What the gallery can prove about a picture (operation {@code verifyPicture}); anyone may ask. */
    public Answer<Verification> verifyPicture(byte[] file) {
        HttpRequest request = HttpRequest.newBuilder(gallery.resolve("/api/v1/verify")).timeout(TIMEOUT)
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(file)).build();
        return read(exchange(request, HttpResponse.BodyHandlers.ofString()), Verification.class);
    }

    private HttpRequest.Builder gatewayRequest(String path) {
        return authorized(HttpRequest.newBuilder(gateway.resolve(path)).timeout(TIMEOUT));
    }

    private HttpRequest.Builder galleryRequest(String path) {
        return authorized(HttpRequest.newBuilder(gallery.resolve(path)).timeout(TIMEOUT));
    }

    private HttpRequest.Builder authorized(HttpRequest.Builder request) {
        key.ifPresent(secret -> request.header("Authorization", "Bearer " + secret));
        return request;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        return exchange(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private <B> HttpResponse<B> exchange(HttpRequest request, HttpResponse.BodyHandler<B> body) {
        try {
            return http.send(request, body);
        } catch (IOException e) {
            URI uri = request.uri();
            throw new UnreachableException(URI.create(uri.getScheme() + "://" + uri.getAuthority()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while calling " + request.uri(), e);
        }
    }

    /** For operations that answer 204: their problem, if they answered one. */
    private void requireSuccess(HttpResponse<String> response) {
        if (response.statusCode() >= 400) {
            throw problem(response.statusCode(), response.body());
        }
    }

    private <T> Answer<T> read(HttpResponse<String> response, Class<T> type) {
        return read(response, json.getTypeFactory().constructType(type));
    }

    private <T> Answer<T> read(HttpResponse<String> response, TypeReference<T> type) {
        return read(response, json.getTypeFactory().constructType(type));
    }

    private <T> Answer<T> read(HttpResponse<String> response, JavaType type) {
        if (response.statusCode() >= 400) {
            throw problem(response.statusCode(), response.body());
        }
        try {
            return new Answer<>(json.readValue(response.body(), type), response.body());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The answer of " + response.uri() + " is not the JSON expected", e);
        }
    }

    private <T> T parse(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An event is not the JSON expected: " + text, e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The problem an API answered with: its detail (or title), and each offending field. */
    private ApiException problem(int status, String body) {
        try {
            JsonNode problem = json.readTree(body);
            List<String> fields = new ArrayList<>();
            problem.path("errors").forEach(error -> fields.add(error.path("field").asText() + ": "
                    + error.path("message").asText()));
            String message = problem.path("detail").asText(problem.path("title").asText("HTTP " + status));
            return new ApiException(status, message, fields);
        } catch (JsonProcessingException e) {
            return new ApiException(status, "HTTP " + status + (body.isBlank() ? "" : ": " + body), List.of());
        }
    }
}
