package io.pinxit.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import io.pinxit.contracts.GenerationCommand;
import io.pinxit.contracts.InterpolationCommand;
import io.pinxit.contracts.JobEvent;
import io.pinxit.contracts.JobKind;
import io.pinxit.contracts.Topics;
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

/** Variations and interpolations: only a VAE reaches its latent space, only from pictures it made that one may see. */
@QuarkusTest
@WithTestResource(LocalInfrastructureTestResource.class)
class LatentSpaceJobTest extends WorkerStandInTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String VAE = "test-vae";
    private static final String GAN = KafkaTestSupport.SERVED_MODEL;

    @BeforeEach
    void announceAGanAndAVae() {
        KafkaTestSupport.announce(kafka, KafkaTestSupport.announcementOf(GAN));
        KafkaTestSupport.announce(kafka, KafkaTestSupport.announcementOf(VAE, "vae", List.of("cats", "dogs")));
        await().atMost(PATIENCE).untilAsserted(() -> TestAccounts.asAdmin().get("/api/v1/models").then()
                .body("id", hasItems(GAN, VAE)));
    }

    @Test
    void aVariationKeepsItsParentsLabelLicenceAndVisibilityAndCarriesItsStrength() throws Exception {
        String ada = TestAccounts.newUserKey();
        UUID parent = madeArtwork(ada, "{\"model\":\"" + VAE + "\",\"label\":\"dogs\",\"count\":1,"
                + "\"visibility\":\"PRIVATE\",\"licence\":\"CC-BY-4.0\"}");

        UUID jobId = UUID.fromString(generate(ada, "{\"model\":\"" + VAE + "\",\"count\":4,\"seed\":3,"
                + "\"variationOf\":\"" + parent + "\",\"strength\":0.25}")
                .statusCode(202)
                .body("request.variationOf", equalTo(parent.toString()))
                .body("request.strength", equalTo(0.25f))
                .body("request.label", equalTo("dogs"))
                .body("request.visibility", equalTo("PRIVATE"))
                .extract().path("id"));

        var command = json.readValue(
                KafkaTestSupport.awaitCommand(kafka, Topics.GENERATION_INTERACTIVE_COMMANDS, jobId, PATIENCE).value(),
                GenerationCommand.class);
        assertThat(command.isVariation()).isTrue();
        assertThat(command.variationOf()).isEqualTo(parent);
        assertThat(command.strength()).isEqualTo(0.25);
        assertThat(command.label()).isEqualTo("dogs");
        assertThat(command.authorship().licence()).isEqualTo("CC-BY-4.0");
        assertThat(command.authorship().visibility()).isEqualTo(Visibility.PRIVATE);
    }

    @Test
    void aVariationWithoutStrengthStraysByTheDefault() throws Exception {
        String ada = TestAccounts.newUserKey();
        UUID parent = madeArtwork(ada, "{\"model\":\"" + VAE + "\",\"label\":\"cats\",\"count\":1}");

        UUID jobId = UUID.fromString(generate(ada, "{\"model\":\"" + VAE + "\",\"count\":2,"
                + "\"variationOf\":\"" + parent + "\"}").statusCode(202).extract().path("id"));

        var command = json.readValue(
                KafkaTestSupport.awaitCommand(kafka, Topics.GENERATION_INTERACTIVE_COMMANDS, jobId, PATIENCE).value(),
                GenerationCommand.class);
        assertThat(command.strength()).isEqualTo(0.5);
    }

    @Test
    void aGanCannotMakeVariations() {
        String ada = TestAccounts.newUserKey();
        UUID parent = madeArtwork(ada, "{\"model\":\"" + GAN + "\",\"count\":1}");

        generate(ada, "{\"model\":\"" + GAN + "\",\"count\":2,\"variationOf\":\"" + parent + "\"}")
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("variationOf"))
                .body("errors[0].message", containsString("family vae"));
    }

    @Test
    void aVariationMustStartFromAPictureOfTheSameModelWithoutALabelOfItsOwn() {
        String ada = TestAccounts.newUserKey();
        UUID ganPicture = madeArtwork(ada, "{\"model\":\"" + GAN + "\",\"count\":1}");
        UUID vaePicture = madeArtwork(ada, "{\"model\":\"" + VAE + "\",\"label\":\"cats\",\"count\":1}");

        generate(ada, "{\"model\":\"" + VAE + "\",\"count\":1,\"variationOf\":\"" + ganPicture + "\"}")
                .statusCode(400)
                .body("errors[0].field", equalTo("variationOf"))
                .body("errors[0].message", containsString("not a picture made by model '" + VAE + "'"));
        generate(ada, "{\"model\":\"" + VAE + "\",\"count\":1,\"label\":\"dogs\",\"variationOf\":\"" + vaePicture
                + "\"}")
                .statusCode(400)
                .body("errors[0].field", equalTo("label"));
        generate(ada, "{\"model\":\"" + VAE + "\",\"count\":1,\"strength\":1.5,\"variationOf\":\"" + vaePicture
                + "\"}")
                .statusCode(400)
                .body("errors.field", hasItem("strength"));
    }

    @Test
    void anotherAuthorsPrivatePictureCannotBeVariedAndAVariationCannotBeReproduced() {
        String ada = TestAccounts.newUserKey();
        UUID hidden = madeArtwork(ada, "{\"model\":\"" + VAE + "\",\"label\":\"cats\",\"count\":1,"
                + "\"visibility\":\"PRIVATE\"}");
        generate(TestAccounts.newUserKey(), "{\"model\":\"" + VAE + "\",\"count\":1,\"variationOf\":\"" + hidden + "\"}")
                .statusCode(404)
                .body("type", equalTo("urn:pinxit:problem:artwork-not-found"));

        UUID variation = madeArtwork(ada, "{\"model\":\"" + VAE + "\",\"count\":1,\"variationOf\":\"" + hidden + "\"}");
        TestAccounts.as(ada).post("/api/v1/artworks/" + variation + "/reproduce").then()
                .statusCode(422)
                .body("type", equalTo("urn:pinxit:problem:artwork-not-reproducible"));
    }

    @Test
    void anInterpolationBetweenTwoSeedsIsAcceptedWithDefaultsAndItsCommandIsInKafka() throws Exception {
        var response = interpolate(TestAccounts.newUserKey(), "{\"model\":\"" + VAE + "\","
                + "\"from\":{\"seed\":1,\"label\":\"cats\"},\"to\":{\"seed\":2,\"label\":\"dogs\"}}")
                .statusCode(202)
                .body("kind", equalTo("INTERPOLATION"))
                .body("request.frames", equalTo(8))
                .body("request.frameMillis", equalTo(125))
                .body("request.from.seed", equalTo(1))
                .body("request.to.label", equalTo("dogs"))
                .extract();
        UUID jobId = UUID.fromString(response.path("id"));

        var command = json.readValue(
                KafkaTestSupport.awaitCommand(kafka, Topics.INTERPOLATION_COMMANDS, jobId, PATIENCE).value(),
                InterpolationCommand.class);
        assertThat(command.model()).isEqualTo(VAE);
        assertThat(command.from()).isEqualTo(InterpolationCommand.Endpoint.ofSeed(1, "cats"));
        assertThat(command.to()).isEqualTo(InterpolationCommand.Endpoint.ofSeed(2, "dogs"));
        assertThat(command.frames()).isEqualTo(8);
        assertThat(command.artworkCount()).isEqualTo(9);
    }

    @Test
    void anInterpolationFromAnArtworkTakesItsLicenceAndVisibility() throws Exception {
        String ada = TestAccounts.newUserKey();
        UUID artwork = madeArtwork(ada, "{\"model\":\"" + VAE + "\",\"label\":\"cats\",\"count\":1,"
                + "\"visibility\":\"UNLISTED\",\"licence\":\"CC0-1.0\"}");

        UUID jobId = UUID.fromString(interpolate(ada, "{\"model\":\"" + VAE + "\",\"frames\":3,\"frameMillis\":500,"
                + "\"from\":{\"artworkId\":\"" + artwork + "\"},\"to\":{\"seed\":9,\"label\":\"dogs\"}}")
                .statusCode(202).extract().path("id"));

        var command = json.readValue(
                KafkaTestSupport.awaitCommand(kafka, Topics.INTERPOLATION_COMMANDS, jobId, PATIENCE).value(),
                InterpolationCommand.class);
        assertThat(command.from()).isEqualTo(InterpolationCommand.Endpoint.ofArtwork(artwork));
        assertThat(command.frameMillis()).isEqualTo(500);
        assertThat(command.authorship().licence()).isEqualTo("CC0-1.0");
        assertThat(command.authorship().visibility()).isEqualTo(Visibility.UNLISTED);
    }

    @Test
    void badInterpolationsAreRejectedWith400NamingTheField() {
        String key = TestAccounts.newUserKey();
        interpolate(key, "{\"model\":\"" + GAN + "\",\"from\":{\"seed\":1},\"to\":{\"seed\":2}}")
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("model"))
                .body("errors[0].message", containsString("cannot interpolate"));
        interpolate(key, "{\"model\":\"" + VAE + "\",\"from\":{\"seed\":1,\"label\":\"cats\"},"
                + "\"to\":{\"seed\":2,\"label\":\"birds\"}}")
                .statusCode(400)
                .body("errors[0].field", equalTo("to.label"))
                .body("errors[0].message", containsString("valid labels: cats, dogs"));
        interpolate(key, "{\"model\":\"" + VAE + "\",\"frames\":1,\"from\":{\"seed\":1,\"label\":\"cats\"},"
                + "\"to\":{\"seed\":2,\"label\":\"cats\"}}")
                .statusCode(400)
                .body("errors.field", hasItem("frames"));
        interpolate(key, "{\"model\":\"" + VAE + "\",\"from\":{\"seed\":1,\"artworkId\":\"" + UUID.randomUUID()
                + "\"},\"to\":{\"seed\":2,\"label\":\"cats\"}}")
                .statusCode(400)
                .body("errors[0].message", containsString("either artworkId, or seed"));
        interpolate(key, "{\"model\":\"" + VAE + "\",\"from\":{\"seed\":1,\"label\":\"cats\"}}")
                .statusCode(400)
                .body("errors.field", hasItem("to"));
    }

    @Test
    void anotherAuthorsPrivateArtworkIsNoEndOfAnInterpolation() {
        UUID hidden = madeArtwork(TestAccounts.newUserKey(), "{\"model\":\"" + VAE + "\",\"label\":\"cats\","
                + "\"count\":1,\"visibility\":\"PRIVATE\"}");

        interpolate(TestAccounts.newUserKey(), "{\"model\":\"" + VAE + "\",\"from\":{\"artworkId\":\"" + hidden
                + "\"},\"to\":{\"seed\":2,\"label\":\"cats\"}}")
                .statusCode(404)
                .body("type", equalTo("urn:pinxit:problem:artwork-not-found"));
    }

    /** The one artwork of a generation job of the key's account that the workers reported done. */
    private UUID madeArtwork(String key, String body) {
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

    private static ValidatableResponse interpolate(String key, String body) {
        return TestAccounts.as(key).contentType(ContentType.JSON).body(body).post("/api/v1/jobs/interpolations")
                .then();
    }
}
