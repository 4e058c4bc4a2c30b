package io.pinxit.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.JsonNode;
import io.pinxit.catalog.Uploads;
import io.pinxit.contracts.JobEvent;
import io.pinxit.contracts.JobKind;
import io.pinxit.contracts.JobProgress;
import io.pinxit.contracts.StyleCommand;
import io.pinxit.contracts.Topics;
import io.pinxit.contracts.Visibility;
import io.pinxit.infra.testing.LocalInfrastructureTestResource;
import io.pinxit.storage.ObjectStore;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Style transfer jobs: content and style by reference (artworks the caller may see, saved styles) or uploaded; the
 * command they put on Kafka; each way a request can be wrong; and the progress a worker reports, followed live.
 */
@QuarkusTest
@WithTestResource(LocalInfrastructureTestResource.class)
class StyleTransferJobTest extends WorkerStandInTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String STYLE_TRANSFERS = "/api/v1/jobs/style-transfers";

    @TestHTTPResource("/")
    URL baseUrl;

    @Inject
    Uploads uploads;

    @Inject
    ObjectStore store;

    @BeforeEach
    void announceTheServedModel() {
        KafkaTestSupport.serveTheModel(kafka);
    }

    @Test
    void aStyleTransferOfTwoArtworksIsAcceptedAndItsCommandIsInKafkaKeyedByJobId() throws Exception {
        String ada = TestAccounts.newUserKey();
        UUID content = generatedArtwork(ada, Visibility.UNLISTED, "CC-BY-4.0");
        UUID style = generatedArtwork(ada, Visibility.PRIVATE, "CC0-1.0");

        var response = submit(ada, "{\"content\":{\"artworkId\":\"" + content + "\"},\"style\":{\"artworkId\":\""
                + style + "\"},\"seed\":7,\"title\":\"Cat, painted\"}", null)
                .statusCode(202)
                .body("kind", equalTo("STYLE_TRANSFER"))
                .body("state", equalTo("QUEUED"))
                .body("request.content.artworkId", equalTo(content.toString()))
                .body("request.style.artworkId", equalTo(style.toString()))
                .body("request.strength", equalTo(1.0f))
                .body("request.preserveColor", equalTo(false))
                .body("request.size", equalTo(512))
                .body("request.seed", equalTo(7))
                .body("request.licence", equalTo("CC-BY-4.0"))
                .body("request.visibility", equalTo("PRIVATE"))
                .extract();
        UUID jobId = UUID.fromString(response.path("id"));
        assertThat(response.header("Location")).endsWith("/api/v1/jobs/" + jobId);

        StyleCommand command = commandOf(jobId);
        assertThat(command.schemaVersion()).isEqualTo(StyleCommand.SCHEMA_VERSION);
        assertThat(command.content()).isEqualTo(StyleCommand.Input.ofArtwork(content));
        assertThat(command.style()).isEqualTo(StyleCommand.Input.ofArtwork(style));
        assertThat(command.strength()).isEqualTo(1.0);
        assertThat(command.size()).isEqualTo(512);
        assertThat(command.seed()).isEqualTo(7L);
        assertThat(command.authorship().title()).isEqualTo("Cat, painted");
        assertThat(command.authorship().licence()).as("the content's, by default").isEqualTo("CC-BY-4.0");
        assertThat(command.authorship().visibility()).as("the most private input's, by default")
                .isEqualTo(Visibility.PRIVATE);
    }

    @Test
    void uploadedPicturesTravelAsUploadsStoredUprightAndRecordedOnce() throws Exception {
        String ada = TestAccounts.newUserKey();
        byte[] photo = TestImages.jpegWithOrientation(40, 30, 6);
        byte[] painting = TestImages.png(24, 24);

        UUID jobId = UUID.fromString(as(ada)
                .multiPart("request", "{\"strength\":0.6,\"preserveColor\":true,\"size\":256}", "application/json")
                .multiPart("content", "photo.jpg", photo, "image/jpeg")
                .multiPart("style", "painting.png", painting, "image/png")
                .post(STYLE_TRANSFERS).then()
                .statusCode(202)
                .body("request.content.upload.format", equalTo("JPEG"))
                .body("request.content.upload.width", equalTo(30))
                .body("request.content.upload.height", equalTo(40))
                .body("request.style.upload.format", equalTo("PNG"))
                .body("request.visibility", equalTo("PUBLIC"))
                .body("request.licence", equalTo("LicenseRef-All-Rights-Reserved"))
                .extract().path("id"));

        StyleCommand command = commandOf(jobId);
        assertThat(command.content().source()).isEqualTo(StyleCommand.Source.UPLOAD);
        assertThat(command.style().source()).isEqualTo(StyleCommand.Source.UPLOAD);
        assertThat(command.strength()).isEqualTo(0.6);
        assertThat(command.preserveColor()).isTrue();
        assertThat(command.size()).isEqualTo(256);
        var recorded = uploads.find(command.content().upload().sha256()).orElseThrow();
        assertThat(recorded.image()).isEqualTo(command.content().upload());
        assertThat(recorded.orientation()).isEqualTo(6);
        try (InputStream stored = store.open(command.content().upload().imageKey())) {
            var upright = TestImages.decode(stored.readAllBytes());
            assertThat(upright.getWidth()).isEqualTo(30);
            assertThat(TestImages.near(upright.getRGB(1, 1), TestImages.BLUE)).as("turned clockwise").isTrue();
        }

        UUID again = UUID.fromString(as(ada)
                .multiPart("content", "same-photo.jpg", photo, "image/jpeg")
                .multiPart("style", "painting.png", painting, "image/png")
                .post(STYLE_TRANSFERS).then().statusCode(202).extract().path("id"));
        assertThat(commandOf(again).content().upload()).as("the same bytes are the same upload")
                .isEqualTo(command.content().upload());
    }

    @Test
    void aSavedStyleCarriesItsCreditIntoTheCommand() throws Exception {
        String ada = TestAccounts.newUserKey();
        UUID content = generatedArtwork(ada, Visibility.PUBLIC, null);
        String styleId = StyleLibraryTest.saveStyle(ada, "Starry " + UUID.randomUUID(), "PUBLIC",
                TestImages.png(32, 32)).statusCode(201).extract().path("id");

        UUID jobId = UUID.fromString(submit(ada, "{\"content\":{\"artworkId\":\"" + content + "\"},\"style\":{"
                + "\"styleId\":\"" + styleId + "\"}}", null)
                .statusCode(202)
                .body("request.style.styleId", equalTo(styleId))
                .body("request.style.credit.attribution", equalTo("Vincent van Gogh"))
                .body("request.seed", notNullValue())
                .extract().path("id"));

        StyleCommand command = commandOf(jobId);
        assertThat(command.style().source()).isEqualTo(StyleCommand.Source.SAVED_STYLE);
        assertThat(command.style().styleId()).isEqualTo(UUID.fromString(styleId));
        assertThat(command.style().upload()).isNotNull();
        assertThat(command.style().credit()).isEqualTo(new StyleCommand.Credit("https://example.org/starry-night",
                "CC0-1.0", "Vincent van Gogh"));
    }

    @ParameterizedTest(name = "{0} is rejected naming {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '^', value = {
        "{\"style\":{\"styleId\":\"%2$s\"}}                                          | content",
        "{\"content\":{\"artworkId\":\"%1$s\"}}                                      | style",
        "{\"content\":{\"styleId\":\"%2$s\"},\"style\":{\"styleId\":\"%2$s\"}}         | content.styleId",
        "{\"content\":{},\"style\":{\"styleId\":\"%2$s\"}}                            | content.artworkId",
        "{\"content\":{\"artworkId\":\"%1$s\"},\"style\":{}}                          | style",
        "{\"content\":{\"artworkId\":\"%1$s\"},\"style\":{\"artworkId\":\"%1$s\",\"styleId\":\"%2$s\"}} | style",
        "{\"content\":{\"artworkId\":\"%1$s\"},\"style\":{\"styleId\":\"%2$s\"},\"size\":63}      | size",
        "{\"content\":{\"artworkId\":\"%1$s\"},\"style\":{\"styleId\":\"%2$s\"},\"size\":1025}    | size",
        "{\"content\":{\"artworkId\":\"%1$s\"},\"style\":{\"styleId\":\"%2$s\"},\"strength\":1.5} | strength",
        "{\"content\":{\"artworkId\":\"%1$s\"},\"style\":{\"styleId\":\"%2$s\"},\"strength\":-0.1} | strength",
        "{\"content\":{\"artworkId\":\"%1$s\"},\"style\":{\"styleId\":\"%2$s\"},\"seed\":-1}      | seed",
        "{\"content\":{\"artworkId\":\"%1$s\"},\"style\":{\"styleId\":\"%2$s\"},\"licence\":\"GPL\"} | licence"})
    void aRequestWithoutExactlyOneSourceEachOrWithAnOptionOutOfRangeIsRejectedWith400(String template,
                                                                                       String field) {
        String body = template.formatted(UUID.randomUUID(), UUID.randomUUID());

        submit(TestAccounts.ADMIN_KEY, body, null)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:pinxit:problem:invalid-request"))
                .body("errors.field", hasItem(field));
    }

    @Test
    void aRequestPartWithTheLongestDescriptionIsReadWhole() {
        String description = "d".repeat(2000);

        as(TestAccounts.ADMIN_KEY)
                .multiPart("request", "{\"description\":\"" + description + "\"}", "application/json")
                .multiPart("content", "photo.png", TestImages.png(16, 16), "image/png")
                .multiPart("style", "painting.png", TestImages.png(16, 16), "image/png")
                .post(STYLE_TRANSFERS).then()
                .statusCode(202)
                .body("request.description", equalTo(description));
    }

    @Test
    void aSourceGivenBothByReferenceAndAsAnUploadIsRejectedWith400() {
        as(TestAccounts.ADMIN_KEY)
                .multiPart("request", "{\"content\":{\"artworkId\":\"" + UUID.randomUUID() + "\"}}", "application/json")
                .multiPart("content", "photo.png", TestImages.png(16, 16), "image/png")
                .multiPart("style", "painting.png", TestImages.png(16, 16), "image/png")
                .post(STYLE_TRANSFERS).then()
                .statusCode(400)
                .body("errors[0].field", equalTo("content"))
                .body("errors[0].message", containsString("given twice"));
    }

    @Test
    void aPartTheEndpointDoesNotTakeOrABrokenRequestPartIsRejectedWith400() {
        as(TestAccounts.ADMIN_KEY)
                .multiPart("contnet", "photo.png", TestImages.png(16, 16), "image/png")
                .post(STYLE_TRANSFERS).then()
                .statusCode(400)
                .body("type", equalTo("urn:pinxit:problem:invalid-request"))
                .body("errors[0].field", equalTo("contnet"));
        as(TestAccounts.ADMIN_KEY)
                .multiPart("request", "{\"size\":\"big\"}", "application/json")
                .post(STYLE_TRANSFERS).then()
                .statusCode(400)
                .body("type", equalTo("urn:pinxit:problem:malformed-body"))
                .body("errors[0].field", equalTo("request.size"));
        as(TestAccounts.ADMIN_KEY)
                .multiPart("request", "{\"colour\":true}", "application/json")
                .post(STYLE_TRANSFERS).then()
                .statusCode(400)
                .body("errors[0].field", equalTo("request.colour"));
        as(TestAccounts.ADMIN_KEY)
                .multiPart("request", "null", "application/json")
                .post(STYLE_TRANSFERS).then()
                .statusCode(400)
                .body("errors.field", hasItem("content"))
                .body("errors.field", hasItem("style"));
    }

    @Test
    void aFormFieldTheEndpointDoesNotTakeIsRefusedAsAnUnknownJsonPropertyIs() {
        as(TestAccounts.ADMIN_KEY)
                .multiPart("content", "photo.png", TestImages.png(16, 16), "image/png")
                .multiPart("style", "painting.png", TestImages.png(16, 16), "image/png")
                .multiPart("size", "128")
                .post(STYLE_TRANSFERS).then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("size"))
                .body("errors[0].message", containsString("is not a part this endpoint takes"))
                .body("errors[0].message", containsString("content, style (files) and request (fields)"));
    }

    @Test
    void aPartSentTwiceOrAPictureSentAsAPlainFieldIsRefused() {
        as(TestAccounts.ADMIN_KEY)
                .multiPart("content", "photo.png", TestImages.png(16, 16), "image/png")
                .multiPart("content", "another.png", TestImages.png(16, 16), "image/png")
                .multiPart("style", "painting.png", TestImages.png(16, 16), "image/png")
                .post(STYLE_TRANSFERS).then()
                .statusCode(400)
                .body("errors[0].field", equalTo("content"))
                .body("errors[0].message", equalTo("is sent more than once"));
        as(TestAccounts.ADMIN_KEY)
                .multiPart("content", "not a picture")
                .multiPart("style", "painting.png", TestImages.png(16, 16), "image/png")
                .post(STYLE_TRANSFERS).then()
                .statusCode(400)
                .body("errors[0].field", equalTo("content"))
                .body("errors[0].message", containsString("must be a file part"));
    }

    @Test
    void inputsTheCallerMayNotSeeAreAnsweredAsUnknownWith404() {
        String ada = TestAccounts.newUserKey();
        UUID hidden = generatedArtwork(TestAccounts.newUserKey(), Visibility.PRIVATE, null);
        UUID visible = generatedArtwork(ada, Visibility.PUBLIC, null);
        String hiddenStyle = StyleLibraryTest.saveStyle(TestAccounts.newUserKey(), "Secret " + UUID.randomUUID(),
                "PRIVATE", TestImages.png(16, 16)).statusCode(201).extract().path("id");

        submit(ada, "{\"content\":{\"artworkId\":\"" + hidden + "\"},\"style\":{\"artworkId\":\"" + visible + "\"}}",
                null)
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:pinxit:problem:artwork-not-found"))
                .body("errors[0].field", equalTo("content.artworkId"));
        submit(ada, "{\"content\":{\"artworkId\":\"" + visible + "\"},\"style\":{\"artworkId\":\"" + UUID.randomUUID()
                + "\"}}", null)
                .statusCode(404)
                .body("errors[0].field", equalTo("style.artworkId"));
        submit(ada, "{\"content\":{\"artworkId\":\"" + visible + "\"},\"style\":{\"styleId\":\"" + hiddenStyle
                + "\"}}", null)
                .statusCode(404)
                .body("type", equalTo("urn:pinxit:problem:style-not-found"));
        submit(TestAccounts.ADMIN_KEY, "{\"content\":{\"artworkId\":\"" + hidden + "\"},\"style\":{\"styleId\":\""
                + hiddenStyle + "\"}}", null)
                .statusCode(202);
    }

    @Test
    void retryingWithTheSameIdempotencyKeyReturnsTheSameJobAndAnotherPictureUnderItIs422() {
        String ada = TestAccounts.newUserKey();
        String key = "style-" + UUID.randomUUID();
        byte[] photo = TestImages.png(20, 20);

        String first = uploadBoth(ada, photo, key).statusCode(202).header("Idempotent-Replayed", "false")
                .extract().path("id");
        String second = uploadBoth(ada, photo, key).statusCode(202).header("Idempotent-Replayed", "true")
                .extract().path("id");

        assertThat(second).isEqualTo(first);
        uploadBoth(ada, TestImages.png(21, 20), key).statusCode(422)
                .body("type", equalTo("urn:pinxit:problem:idempotency-key-reused"));
    }

    @Test
    void aKeyWithoutTheSubmitScopeCannotStyle() {
        String ada = TestAccounts.newUserKey();
        String readOnly = TestAccounts.as(ada).contentType(ContentType.JSON)
                .body("{\"name\":\"dashboard\",\"scopes\":[\"jobs:read\"]}")
                .post("/api/v1/keys").then().statusCode(201).extract().path("secret");

        uploadBoth(readOnly, TestImages.png(16, 16), null)
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:pinxit:problem:forbidden"));
    }

    @Test
    void aBodyThatIsNeitherJsonNorAFormIsRejectedWith415() {
        as(TestAccounts.ADMIN_KEY).contentType(ContentType.TEXT).body("paint it").post(STYLE_TRANSFERS).then()
                .statusCode(415)
                .contentType("application/problem+json");
    }

    @Test
    void theWorkersProgressReachesTheEventStreamWithAPreviewAndStaysOnTheJob() throws Exception {
        String ada = TestAccounts.newUserKey();
        UUID jobId = UUID.fromString(uploadBoth(ada, TestImages.png(30, 30), null).statusCode(202)
                .extract().path("id"));
        List<JsonNode> seen = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> stream = CompletableFuture.runAsync(
                () -> EventStreams.follow(baseUrl, json, ada, jobId, seen));
        await().atMost(PATIENCE).until(() -> !seen.isEmpty());

        String preview = Base64.getEncoder().encodeToString(TestImages.png(64, 32));
        KafkaTestSupport.report(kafka, JobEvent.running(jobId, JobKind.STYLE_TRANSFER, "style-1", Instant.now()));
        KafkaTestSupport.report(kafka, JobEvent.progressed(jobId, JobKind.STYLE_TRANSFER, JobProgress.of(10, 300),
                "style-1", Instant.now()));
        KafkaTestSupport.report(kafka, JobEvent.progressed(jobId, JobKind.STYLE_TRANSFER,
                JobProgress.of(10, 300).withPreview(preview), "style-1", Instant.now()));
        KafkaTestSupport.report(kafka, JobEvent.progressed(jobId, JobKind.STYLE_TRANSFER, JobProgress.of(10, 300),
                "style-1", Instant.now()));
        KafkaTestSupport.report(kafka, JobEvent.progressed(jobId, JobKind.STYLE_TRANSFER, JobProgress.of(5, 300),
                "style-1", Instant.now()));
        KafkaTestSupport.report(kafka, JobEvent.progressed(jobId, JobKind.STYLE_TRANSFER, JobProgress.of(20, 300),
                "style-1", Instant.now()));
        await().atMost(PATIENCE).until(() -> seen.stream().anyMatch(view -> view.path("progress")
                .path("iteration").asInt() == 20));

        JsonNode withPreview = seen.stream().filter(view -> view.path("progress").path("iteration").asInt() == 10
                        && view.path("progress").has("preview")).findFirst()
                .orElseThrow(() -> new AssertionError("a step's preview, reported after the step, reaches the stream"));
        assertThat(withPreview.path("state").asText()).isEqualTo("RUNNING");
        assertThat(withPreview.path("progress").path("total").asInt()).isEqualTo(300);
        var previewPicture = TestImages.decode(Base64.getDecoder()
                .decode(withPreview.path("progress").path("preview").asText()));
        assertThat(previewPicture.getWidth()).isEqualTo(64);
        assertThat(previewPicture.getHeight()).isEqualTo(32);
        assertThat(seen.stream().map(view -> view.path("progress").path("iteration").asInt()))
                .as("an earlier iteration, arriving late, is ignored").doesNotContain(5);
        TestAccounts.as(ada).get("/api/v1/jobs/" + jobId).then()
                .body("progress.iteration", equalTo(20))
                .body("progress.total", equalTo(300));

        KafkaTestSupport.report(kafka, JobEvent.succeeded(jobId, JobKind.STYLE_TRANSFER, List.of(UUID.randomUUID()),
                "style-1", Instant.now()));
        await().atMost(PATIENCE).until(stream::isDone);
        assertThat(seen.get(seen.size() - 1).path("state").asText()).isEqualTo("SUCCEEDED");
        assertThat(seen.get(seen.size() - 1).path("progress").path("iteration").asInt())
                .as("the last progress stays on the finished job").isEqualTo(20);
    }

    @Test
    void aPreviewThatIsNotASmallPngIsDroppedAndItsCountsKept() throws Exception {
        String ada = TestAccounts.newUserKey();
        UUID jobId = UUID.fromString(uploadBoth(ada, TestImages.png(30, 30), null).statusCode(202)
                .extract().path("id"));
        String tooBig = Base64.getEncoder().encodeToString(TestImages.png(65, 10));

        KafkaTestSupport.report(kafka, JobEvent.progressed(jobId, JobKind.STYLE_TRANSFER,
                JobProgress.of(3, 10).withPreview(tooBig), "style-1", Instant.now()));

        await().atMost(PATIENCE).untilAsserted(() -> TestAccounts.as(ada).get("/api/v1/jobs/" + jobId).then()
                .body("state", equalTo("RUNNING"))
                .body("progress.iteration", equalTo(3))
                .body("progress.preview", equalTo(null)));
    }

    private StyleCommand commandOf(UUID jobId) throws Exception {
        return json.readValue(KafkaTestSupport.awaitCommand(kafka, Topics.STYLE_COMMANDS, jobId, PATIENCE).value(),
                StyleCommand.class);
    }

    private ValidatableResponse uploadBoth(String key, byte[] content, String idempotencyKey) {
        var request = as(key)
                .multiPart("content", "photo.png", content, "image/png")
                .multiPart("style", "painting.png", TestImages.png(16, 16), "image/png");
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return request.post(STYLE_TRANSFERS).then();
    }

    /** A generation job of the key's account that the workers reported done with one artwork. */
    private UUID generatedArtwork(String key, Visibility visibility, String licence) {
        String body = "{\"model\":\"emoji-dcgan\",\"count\":1,\"visibility\":\"" + visibility + "\""
                + (licence == null ? "" : ",\"licence\":\"" + licence + "\"") + "}";
        UUID jobId = UUID.fromString(TestAccounts.as(key).contentType(ContentType.JSON).body(body)
                .post("/api/v1/jobs/generations").then().statusCode(202).extract().path("id"));
        UUID artwork = UUID.randomUUID();
        KafkaTestSupport.report(kafka, JobEvent.succeeded(jobId, JobKind.GENERATION, List.of(artwork), "w",
                Instant.now()));
        await().atMost(PATIENCE).untilAsserted(() -> TestAccounts.asAdmin().get("/api/v1/jobs/" + jobId).then()
                .body("state", equalTo("SUCCEEDED")));
        return artwork;
    }

    private static ValidatableResponse submit(String key, String body, String idempotencyKey) {
        var request = as(key).contentType(ContentType.JSON).body(body);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return request.post(STYLE_TRANSFERS).then();
    }

    private static RequestSpecification as(String key) {
        return TestAccounts.as(key);
    }
}
