package io.pinxit.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.pinxit.contracts.GenerationCommand;
import io.pinxit.contracts.JobEvent;
import io.pinxit.contracts.JobKind;
import io.pinxit.contracts.Topics;
import io.pinxit.contracts.UpscaleCommand;
import io.pinxit.contracts.Visibility;
import io.pinxit.infra.testing.LocalInfrastructureTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Upscale jobs: on artworks the caller may see, by a factor an upscaler offers; and the upscale option of generations. */
@QuarkusTest
@WithTestResource(LocalInfrastructureTestResource.class)
class UpscaleJobTest extends WorkerStandInTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @BeforeEach
    void announceTheServedModel() {
        KafkaTestSupport.serveTheModel(kafka);
    }

    @Test
    void anUpscaleOfTheCallersArtworkIsAcceptedAndItsCommandIsInKafkaKeyedByJobId() throws Exception {
        String ada = TestAccounts.newUserKey();
        UUID artwork = generatedArtwork(ada, Visibility.PRIVATE, "CC-BY-4.0");

        var response = upscale(ada, "{\"artworkId\":\"" + artwork + "\",\"factor\":4,\"title\":\"Big\"}", null)
                .statusCode(202)
                .body("kind", equalTo("UPSCALE"))
                .body("state", equalTo("QUEUED"))
                .body("request.artworkId", equalTo(artwork.toString()))
                .body("request.factor", equalTo(4))
                .body("request.title", equalTo("Big"))
                .body("request.licence", equalTo("CC-BY-4.0"))
                .body("request.visibility", equalTo("PRIVATE"))
                .extract();
        UUID jobId = UUID.fromString(response.path("id"));
        assertThat(response.header("Location")).endsWith("/api/v1/jobs/" + jobId);

        var command = json.readValue(
                KafkaTestSupport.awaitCommand(kafka, Topics.UPSCALE_COMMANDS, jobId, PATIENCE).value(),
                UpscaleCommand.class);
        assertThat(command.schemaVersion()).isEqualTo(UpscaleCommand.SCHEMA_VERSION);
        assertThat(command.artworkId()).isEqualTo(artwork);
        assertThat(command.factor()).isEqualTo(4);
        assertThat(command.authorship().title()).isEqualTo("Big");
        assertThat(command.authorship().visibility()).as("the parent's, by default").isEqualTo(Visibility.PRIVATE);
        assertThat(command.authorship().licence()).as("the parent's, by default").isEqualTo("CC-BY-4.0");
    }

    @Test
    void theWorkersEventsMoveAnUpscaleJobToSucceededWithTheNewArtwork() {
        String ada = TestAccounts.newUserKey();
        UUID artwork = generatedArtwork(ada, Visibility.PUBLIC, null);
        UUID jobId = UUID.fromString(upscale(ada, "{\"artworkId\":\"" + artwork + "\",\"factor\":2}", null)
                .statusCode(202).extract().path("id"));
        UUID child = UUID.randomUUID();

        KafkaTestSupport.report(kafka, JobEvent.running(jobId, JobKind.UPSCALE, "w", Instant.now()));
        KafkaTestSupport.report(kafka, JobEvent.succeeded(jobId, JobKind.UPSCALE, List.of(child), "w", Instant.now()));

        await().atMost(PATIENCE).untilAsserted(() -> TestAccounts.as(ada).get("/api/v1/jobs/" + jobId).then()
                .body("state", equalTo("SUCCEEDED"))
                .body("artworkIds", equalTo(List.of(child.toString()))));
    }

    @Test
    void anotherAuthorsPublicArtworkMayBeUpscaled() {
        UUID artwork = generatedArtwork(TestAccounts.newUserKey(), Visibility.PUBLIC, null);

        upscale(TestAccounts.newUserKey(), "{\"artworkId\":\"" + artwork + "\",\"factor\":2}", null)
                .statusCode(202)
                .body("request.visibility", equalTo("PUBLIC"));
    }

    @Test
    void anotherAuthorsPrivateArtworkIsAnsweredAsUnknownWith404() {
        UUID artwork = generatedArtwork(TestAccounts.newUserKey(), Visibility.PRIVATE, null);

        upscale(TestAccounts.newUserKey(), "{\"artworkId\":\"" + artwork + "\",\"factor\":2}", null)
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:pinxit:problem:artwork-not-found"));
        upscale(TestAccounts.ADMIN_KEY, "{\"artworkId\":\"" + artwork + "\",\"factor\":2}", null)
                .statusCode(202);
    }

    @Test
    void anUnknownArtworkIsRejectedWith404() {
        upscale(TestAccounts.ADMIN_KEY, "{\"artworkId\":\"" + UUID.randomUUID() + "\",\"factor\":2}", null)
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:pinxit:problem:artwork-not-found"));
    }

    @ParameterizedTest(name = "factor {0}")
    @ValueSource(ints = {0, 1, 3, 8})
    void aFactorNoUpscalerOffersIsRejectedWith400ListingTheValidFactors(int factor) {
        upscale(TestAccounts.ADMIN_KEY, "{\"artworkId\":\"" + UUID.randomUUID() + "\",\"factor\":" + factor + "}",
                null)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:pinxit:problem:invalid-request"))
                .body("errors[0].field", equalTo("factor"))
                .body("errors[0].message", containsString("2, 4"));
    }

    @Test
    void aMissingArtworkOrFactorIsRejectedWith400() {
        upscale(TestAccounts.ADMIN_KEY, "{\"factor\":2}", null).statusCode(400)
                .body("errors.field", hasItem("artworkId"));
        upscale(TestAccounts.ADMIN_KEY, "{\"artworkId\":\"" + UUID.randomUUID() + "\"}", null).statusCode(400)
                .body("errors.field", hasItem("factor"));
    }

    @Test
    void aKeyWithoutTheSubmitScopeCannotUpscale() {
        String ada = TestAccounts.newUserKey();
        UUID artwork = generatedArtwork(ada, Visibility.PUBLIC, null);
        String readOnly = TestAccounts.as(ada).contentType(ContentType.JSON)
                .body("{\"name\":\"dashboard\",\"scopes\":[\"jobs:read\"]}")
                .post("/api/v1/keys").then().statusCode(201).extract().path("secret");

        upscale(readOnly, "{\"artworkId\":\"" + artwork + "\",\"factor\":2}", null)
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:pinxit:problem:forbidden"));
    }

    @Test
    void retryingAnUpscaleWithTheSameIdempotencyKeyReturnsTheSameJob() {
        String ada = TestAccounts.newUserKey();
        UUID artwork = generatedArtwork(ada, Visibility.PUBLIC, null);
        String key = "upscale-" + UUID.randomUUID();
        String body = "{\"artworkId\":\"" + artwork + "\",\"factor\":2}";

        String first = upscale(ada, body, key).statusCode(202).header("Idempotent-Replayed", "false")
                .extract().path("id");
        String second = upscale(ada, body, key).statusCode(202).header("Idempotent-Replayed", "true")
                .extract().path("id");

        assertThat(second).isEqualTo(first);
        upscale(ada, "{\"artworkId\":\"" + artwork + "\",\"factor\":4}", key).statusCode(422)
                .body("type", equalTo("urn:pinxit:problem:idempotency-key-reused"));
    }

    @Test
    void aGenerationWithUpscaleCarriesTheFactorInItsCommand() throws Exception {
        UUID jobId = UUID.fromString(generate(TestAccounts.ADMIN_KEY,
                "{\"model\":\"emoji-dcgan\",\"count\":2,\"seed\":5,\"upscale\":2}")
                .statusCode(202)
                .body("request.upscale", equalTo(2))
                .extract().path("id"));

        var command = json.readValue(
                KafkaTestSupport.awaitCommand(kafka, Topics.GENERATION_INTERACTIVE_COMMANDS, jobId, PATIENCE).value(),
                GenerationCommand.class);
        assertThat(command.upscale()).isEqualTo(2);
        assertThat(command.artworkCount()).isEqualTo(4);
    }

    @Test
    void aGenerationWithAnUnofferedUpscaleFactorIsRejectedWith400() {
        generate(TestAccounts.ADMIN_KEY, "{\"model\":\"emoji-dcgan\",\"count\":1,\"upscale\":3}")
                .statusCode(400)
                .body("type", equalTo("urn:pinxit:problem:invalid-request"))
                .body("errors[0].field", equalTo("upscale"))
                .body("errors[0].message", containsString("2, 4"));
    }

    @Test
    void anUpscaledArtworkCannotBeReproducedButItsParentCan() {
        String ada = TestAccounts.newUserKey();
        UUID jobId = UUID.fromString(generate(ada, "{\"model\":\"emoji-dcgan\",\"count\":1,\"upscale\":4}")
                .statusCode(202).extract().path("id"));
        UUID picture = UUID.randomUUID();
        UUID upscaled = UUID.randomUUID();
        KafkaTestSupport.report(kafka, JobEvent.succeeded(jobId, JobKind.GENERATION, List.of(picture, upscaled), "w",
                Instant.now()));
        await().atMost(PATIENCE).untilAsserted(() -> TestAccounts.as(ada).get("/api/v1/jobs/" + jobId).then()
                .body("state", equalTo("SUCCEEDED")));

        TestAccounts.as(ada).post("/api/v1/artworks/" + upscaled + "/reproduce").then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:pinxit:problem:artwork-not-reproducible"));
        TestAccounts.as(ada).post("/api/v1/artworks/" + picture + "/reproduce").then().statusCode(202);
    }

    /** A generation job of the key's account that the workers reported done with one artwork. */
    private UUID generatedArtwork(String key, Visibility visibility, String licence) {
        String body = "{\"model\":\"emoji-dcgan\",\"count\":1,\"visibility\":\"" + visibility + "\""
                + (licence == null ? "" : ",\"licence\":\"" + licence + "\"") + "}";
        UUID jobId = UUID.fromString(generate(key, body).statusCode(202).extract().path("id"));
        UUID artwork = UUID.randomUUID();
        KafkaTestSupport.report(kafka, JobEvent.succeeded(jobId, JobKind.GENERATION, List.of(artwork), "w",
                Instant.now()));
        await().atMost(PATIENCE).untilAsserted(() -> TestAccounts.asAdmin().get("/api/v1/jobs/" + jobId).then()
                .body("state", equalTo("SUCCEEDED")));
        return artwork;
    }

    private static ValidatableResponse generate(String key, String body) {
        return TestAccounts.as(key).contentType(ContentType.JSON).body(body).post("/api/v1/jobs/generations").then();
    }

    private static ValidatableResponse upscale(String key, String body, String idempotencyKey) {
        var request = TestAccounts.as(key).contentType(ContentType.JSON).body(body);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return request.post("/api/v1/jobs/upscales").then();
    }
}
