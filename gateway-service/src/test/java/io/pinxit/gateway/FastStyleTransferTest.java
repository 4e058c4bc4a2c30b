package io.pinxit.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.pinxit.catalog.StyleNetwork;
import io.pinxit.catalog.StyleNetworks;
import io.pinxit.contracts.StyleCommand;
import io.pinxit.contracts.Topics;
import io.pinxit.infra.testing.LocalInfrastructureTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Which method paints a style transfer — a saved style's fast style network or the optimisation — decided when the
 * gateway accepts the job and named in its command, so that a later training cannot change a queued job.
 */
@QuarkusTest
@WithTestResource(LocalInfrastructureTestResource.class)
class FastStyleTransferTest extends WorkerStandInTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String STYLE_TRANSFERS = "/api/v1/jobs/style-transfers";

    @Inject
    StyleNetworks networks;

    @Test
    void autoPaintsASavedStyleWithItsNewestNetworkShippedOrTrained() throws Exception {
        String ada = TestAccounts.newUserKey();
        UUID styleId = savedStyle(ada);
        record(TestStyleNetworks.shipped(styleId, "fast-style-waves", Instant.now().minusSeconds(3600)));
        StyleNetwork newest = record(TestStyleNetworks.trained(styleId, UUID.randomUUID(), 800, Instant.now()));

        UUID jobId = jobOf(transfer(ada, "{\"style\":{\"styleId\":\"" + styleId + "\"}}", null)
                .statusCode(202)
                .body("request.method", equalTo("fast"))
                .body("request.styleNetworkId", equalTo(newest.id().toString())));

        StyleCommand command = commandOf(jobId);
        assertThat(command.isFast()).isTrue();
        assertThat(command.fastStyleNetwork()).isEqualTo(newest.id());
        assertThat(command.style().styleId()).isEqualTo(styleId);
    }

    @Test
    void autoPaintsByOptimisationWhenTheStyleHasNoNetworkOrIsAPicture() throws Exception {
        String ada = TestAccounts.newUserKey();
        UUID untrained = savedStyle(ada);

        UUID withSavedStyle = jobOf(transfer(ada, "{\"style\":{\"styleId\":\"" + untrained + "\"}}", null)
                .statusCode(202)
                .body("request.method", equalTo("neural"))
                .body("request.styleNetworkId", nullValue()));
        UUID withPicture = jobOf(TestAccounts.as(ada)
                .multiPart("content", "photo.png", TestImages.png(20, 20), "image/png")
                .multiPart("style", "painting.png", TestImages.png(16, 16), "image/png")
                .post(STYLE_TRANSFERS).then()
                .statusCode(202)
                .body("request.method", equalTo("neural")));

        assertThat(commandOf(withSavedStyle).isFast()).isFalse();
        assertThat(commandOf(withPicture).fastStyleNetwork()).isNull();
    }

    @Test
    void neuralPaintsByOptimisationAndFastWithTheNetworkWhenTheStyleHasOne() throws Exception {
        String ada = TestAccounts.newUserKey();
        UUID styleId = savedStyle(ada);
        StyleNetwork network = record(TestStyleNetworks.trained(styleId, UUID.randomUUID(), 500, Instant.now()));

        UUID neural = jobOf(transfer(ada, "{\"style\":{\"styleId\":\"" + styleId + "\"},\"method\":\"neural\"}", null)
                .statusCode(202)
                .body("request.method", equalTo("neural")));
        UUID fast = jobOf(transfer(ada, "{\"style\":{\"styleId\":\"" + styleId + "\"},\"method\":\"fast\"}", null)
                .statusCode(202)
                .body("request.method", equalTo("fast")));

        assertThat(commandOf(neural).isFast()).isFalse();
        assertThat(commandOf(fast).fastStyleNetwork()).isEqualTo(network.id());
    }

    @Test
    void fastWithASavedStyleThatHasNoNetworkIsRejectedWith409SayingHowToTrainIt() {
        String ada = TestAccounts.newUserKey();
        UUID styleId = savedStyle(ada);

        transfer(ada, "{\"style\":{\"styleId\":\"" + styleId + "\"},\"method\":\"fast\"}", null)
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:pinxit:problem:style-not-trained"))
                .body("detail", containsString("POST /api/v1/styles/" + styleId + "/train"))
                .body("errors[0].field", equalTo("method"));
    }

    @Test
    void fastWithAStyleThatIsNotASavedStyleIsRejectedWith400() {
        String ada = TestAccounts.newUserKey();

        TestAccounts.as(ada)
                .multiPart("request", "{\"method\":\"fast\"}", "application/json")
                .multiPart("content", "photo.png", TestImages.png(20, 20), "image/png")
                .multiPart("style", "painting.png", TestImages.png(16, 16), "image/png")
                .post(STYLE_TRANSFERS).then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:pinxit:problem:invalid-request"))
                .body("errors.field", hasItem("method"));
        TestAccounts.as(ada).contentType(ContentType.JSON)
                .body("{\"content\":{\"artworkId\":\"" + UUID.randomUUID() + "\"},\"style\":{\"artworkId\":\""
                        + UUID.randomUUID() + "\"},\"method\":\"fast\"}")
                .post(STYLE_TRANSFERS).then()
                .statusCode(400)
                .body("errors.field", hasItem("method"));
    }

    @Test
    void aMethodThatIsNotOneOfTheThreeIsRejectedWith400() {
        String ada = TestAccounts.newUserKey();
        UUID styleId = savedStyle(ada);

        transfer(ada, "{\"style\":{\"styleId\":\"" + styleId + "\"},\"method\":\"quick\"}", null)
                .statusCode(400)
                .body("type", equalTo("urn:pinxit:problem:malformed-body"))
                .body("errors[0].field", equalTo("request.method"));
    }

    @Test
    void aRepeatedSubmissionKeepsTheNetworkItWasGivenAfterTheStyleIsTrainedAgain() throws Exception {
        String ada = TestAccounts.newUserKey();
        UUID styleId = savedStyle(ada);
        StyleNetwork first = record(TestStyleNetworks.trained(styleId, UUID.randomUUID(), 500,
                Instant.now().minusSeconds(60)));
        String key = "fast-" + UUID.randomUUID();
        String request = "{\"style\":{\"styleId\":\"" + styleId + "\"}}";
        UUID jobId = jobOf(transfer(ada, request, key).statusCode(202)
                .body("request.styleNetworkId", equalTo(first.id().toString())));

        StyleNetwork retrained = record(TestStyleNetworks.trained(styleId, UUID.randomUUID(), 4000, Instant.now()));

        transfer(ada, request, key)
                .statusCode(202)
                .header("Idempotent-Replayed", "true")
                .body("id", equalTo(jobId.toString()))
                .body("request.styleNetworkId", equalTo(first.id().toString()));
        assertThat(commandOf(jobId).fastStyleNetwork()).isEqualTo(first.id());
        transfer(ada, request, null)
                .statusCode(202)
                .body("request.styleNetworkId", equalTo(retrained.id().toString()));
    }

    private StyleNetwork record(StyleNetwork network) {
        assertThat(networks.record(network)).isTrue();
        return network;
    }

    private StyleCommand commandOf(UUID jobId) throws Exception {
        return json.readValue(KafkaTestSupport.awaitCommand(kafka, Topics.STYLE_COMMANDS, jobId, PATIENCE).value(),
                StyleCommand.class);
    }

    private static UUID jobOf(ValidatableResponse accepted) {
        return UUID.fromString(accepted.extract().path("id"));
    }

    private static UUID savedStyle(String key) {
        return UUID.fromString(StyleLibraryTest.saveStyle(key, "Waves " + UUID.randomUUID(), "PUBLIC",
                TestImages.png(24, 24)).statusCode(201).extract().path("id"));
    }

    /** A style transfer of an uploaded photo; {@code request} is the JSON part, {@code idempotencyKey} optional. */
    private static ValidatableResponse transfer(String key, String request, String idempotencyKey) {
        var submission = TestAccounts.as(key)
                .multiPart("request", request, "application/json")
                .multiPart("content", "photo.png", TestImages.png(20, 20), "image/png");
        if (idempotencyKey != null) {
            submission.header("Idempotency-Key", idempotencyKey);
        }
        return submission.post(STYLE_TRANSFERS).then();
    }
}
