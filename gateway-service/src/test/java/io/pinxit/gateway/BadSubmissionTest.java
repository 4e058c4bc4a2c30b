package io.pinxit.gateway;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import io.pinxit.infra.testing.LocalInfrastructureTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every client mistake is a 4xx problem+json that names what is wrong; none is a 5xx. */
@QuarkusTest
@WithTestResource(LocalInfrastructureTestResource.class)
class BadSubmissionTest {

    private static final String CONDITIONAL_MODEL = "test-cgan";
    private static final String PROMPT_MODEL = "test-words";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @BeforeEach
    void announceTheServedModel() {
        try (var kafka = KafkaTestSupport.companion(bootstrapServers)) {
            KafkaTestSupport.announce(kafka, KafkaTestSupport.announcementOf(KafkaTestSupport.SERVED_MODEL));
            KafkaTestSupport.announce(kafka, KafkaTestSupport.announcementOf(CONDITIONAL_MODEL,
                    List.of("animals-nature", "food-drink")));
            KafkaTestSupport.announce(kafka, KafkaTestSupport.announcementOfPromptModel(PROMPT_MODEL,
                    List.of("cat", "face", "heart", "red", "smiling")));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> TestAccounts.asAdmin().get("/api/v1/models")
                .then().body("id", hasItems(KafkaTestSupport.SERVED_MODEL, CONDITIONAL_MODEL, PROMPT_MODEL)));
    }

    @ParameterizedTest(name = "{0} is rejected saying {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '^', value = {
        "{\"model\":\"test-cgan\",\"count\":1,\"label\":\"dragons\"} | 'dragons' is not a label of model 'test-cgan'; valid labels: animals-nature, food-drink",
        "{\"model\":\"test-cgan\",\"count\":1}                        | is required by model 'test-cgan'; valid labels: animals-nature, food-drink",
        "{\"model\":\"emoji-dcgan\",\"count\":1,\"label\":\"food-drink\"} | model 'emoji-dcgan' takes no label"})
    void aLabelTheModelDoesNotKnowIsRejectedWith400ListingTheValidOnes(String body, String message) {
        submit(body)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:pinxit:problem:invalid-request"))
                .body("errors[0].field", equalTo("label"))
                .body("errors[0].message", equalTo(message));
    }

    @Test
    void aLabelTheModelKnowsIsAcceptedAndRecorded() {
        submit("{\"model\":\"test-cgan\",\"count\":2,\"label\":\"food-drink\"}")
                .statusCode(202)
                .body("request.label", equalTo("food-drink"));
    }

    @ParameterizedTest(name = "{0} is rejected on {1} saying {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '^', value = {
        "{\"model\":\"test-words\",\"count\":1,\"prompt\":\"Red hart, smilling cat\"} | prompt | The model does not know the words 'hart' (did you mean heart, cat?), 'smilling' (did you mean smiling?); its card lists the words it knows",
        "{\"model\":\"test-words\",\"count\":1,\"prompt\":\"dragon\"} | prompt | The model does not know the word 'dragon' (no known word is close); its card lists the words it knows",
        "{\"model\":\"test-words\",\"count\":1} | prompt | is required by model 'test-words', which draws from a few words such as \"smiling cat\"",
        "{\"model\":\"test-words\",\"count\":1,\"prompt\":\"   \"} | prompt | The prompt is empty; give a few words such as \"smiling cat\"",
        "{\"model\":\"test-words\",\"count\":1,\"prompt\":\"a cat\",\"label\":\"flags\"} | label | model 'test-words' takes no label",
        "{\"model\":\"emoji-dcgan\",\"count\":1,\"prompt\":\"cat\"} | prompt | model 'emoji-dcgan' takes no prompt"})
    void aPromptTheModelCannotReadIsRejectedWith400NamingTheFieldAndTheNearestKnownWords(
            String body, String field, String message) {
        submit(body)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:pinxit:problem:invalid-request"))
                .body("errors[0].field", equalTo(field))
                .body("errors[0].message", equalTo(message));
    }

    @Test
    void anOverLongPromptIsRejectedWith400NamingTheField() {
        submit("{\"model\":\"test-words\",\"count\":1,\"prompt\":\"" + "cat ".repeat(26) + "\"}")
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("prompt"));
    }

    @Test
    void aPromptTheModelCanReadIsAcceptedAndRecordedAsWritten() {
        submit("{\"model\":\"test-words\",\"count\":2,\"prompt\":\"A smiling cat\"}")
                .statusCode(202)
                .body("request.prompt", equalTo("A smiling cat"));
    }

    @Test
    void submittingAnUnknownModelIsRejectedWith400NamingTheServedModels() {
        submit("{\"model\":\"no-such-model\",\"count\":1}")
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:pinxit:problem:unknown-model"))
                .body("errors[0].field", equalTo("model"))
                .body("errors[0].message", containsString("emoji-dcgan"));
    }

    @ParameterizedTest(name = "{0} is rejected naming {1}")
    @CsvSource(delimiter = '|', value = {
        "{\"model\":\"emoji-dcgan\",\"count\":0}                 | count",
        "{\"model\":\"emoji-dcgan\",\"count\":17}                | count",
        "{\"model\":\"emoji-dcgan\"}                             | count",
        "{\"count\":1}                                           | model",
        "{\"model\":\" \",\"count\":1}                          | model",
        "{\"model\":\"emoji-dcgan\",\"count\":1,\"seed\":-1}     | seed",
        "{\"model\":\"emoji-dcgan\",\"count\":1,\"seed\":9007199254740992} | seed"})
    void anOutOfRangeOrMissingFieldIsRejectedWith400(String body, String field) {
        submit(body)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:pinxit:problem:invalid-request"))
                .body("errors.field", hasItem(field));
    }

    @ParameterizedTest(name = "{0} is rejected naming {1}")
    @CsvSource(delimiter = '|', value = {
        "{\"model\":\"emoji-dcgan\",\"count\":\"four\"} | count",
        "{\"model\":\"emoji-dcgan\",\"count\":1,\"colour\":\"red\"} | colour"})
    void aFieldOfTheWrongTypeOrAnUnknownFieldIsRejectedWith400(String body, String field) {
        submit(body)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:pinxit:problem:malformed-body"))
                .body("errors[0].field", equalTo(field));
    }

    @Test
    void malformedJsonIsRejectedWith400() {
        submit("{\"model\":\"emoji-dcgan\",")
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:pinxit:problem:malformed-body"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{\"model\":\"emoji-dcgan\",\"count\":1} trailing",
            "{\"model\":\"emoji-dcgan\",\"count\":1}{\"model\":\"emoji-dcgan\",\"count\":2}"})
    void aBodyWithMoreThanOneJsonValueIsRejectedWith400(String body) {
        submit(body)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:pinxit:problem:malformed-body"));
    }

    @Test
    void textWithANulCharacterIsRejectedWith400NamingTheField() {
        submit("{\"model\":\"emoji-dcgan\",\"count\":1,\"title\":\"Faces\\u0000\"}")
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:pinxit:problem:malformed-body"))
                .body("errors[0].field", equalTo("title"))
                .body("errors[0].message", equalTo("holds a NUL character"));
    }

    @Test
    void aQueryParameterWithANulCharacterIsRejectedWith400() {
        TestAccounts.asAdmin().queryParam("limit", "1\u0000")
                .get("/api/v1/admin/dead-letters/pinxit.generation.commands.dlq").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:pinxit:problem:invalid-request"))
                .body("errors[0].field", equalTo("limit"));
    }

    @Test
    void aJsonBodyOverItsLimitIsRefusedWith413BeforeItIsRead() {
        submit("{\"model\":\"emoji-dcgan\",\"count\":1,\"description\":\"" + "x".repeat(70 * 1024) + "\"}")
                .statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:pinxit:problem:body-too-large"))
                .body("detail", containsString("at most 65536 bytes"));
    }

    @Test
    void everyAnswerOfTheApiForbidsSniffingFramingAndLoading() {
        for (var answer : List.of(TestAccounts.asAdmin().get("/api/v1/models").then(),
                TestAccounts.asAdmin().get("/api/v1/jobs/" + UUID.randomUUID()).then())) {
            answer.header("X-Content-Type-Options", "nosniff")
                    .header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
                    .header("Referrer-Policy", "no-referrer");
        }
    }

    @Test
    void anEmptyBodyIsRejectedWith400() {
        submit("")
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void aBodyThatIsNotJsonIsRejectedWith415() {
        TestAccounts.asAdmin().contentType(ContentType.TEXT).body("model=emoji-dcgan")
                .post("/api/v1/jobs/generations").then()
                .statusCode(415)
                .contentType("application/problem+json")
                .body("status", equalTo(415));
    }

    @Test
    void anInvalidIdempotencyKeyIsRejectedWith400() {
        TestAccounts.asAdmin().contentType(ContentType.JSON).header("Idempotency-Key", "has spaces in it")
                .body("{\"model\":\"emoji-dcgan\",\"count\":1}")
                .post("/api/v1/jobs/generations").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("idempotencyKey"));
    }

    @Test
    void anUnknownJobIs404ProblemJson() {
        TestAccounts.asAdmin().get("/api/v1/jobs/" + UUID.randomUUID()).then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:pinxit:problem:job-not-found"));
    }

    @Test
    void aJobIdThatIsNotAUuidIs404ProblemJson() {
        TestAccounts.asAdmin().get("/api/v1/jobs/not-a-uuid").then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    private ValidatableResponse submit(String body) {
        return TestAccounts.asAdmin().contentType(ContentType.JSON).body(body).post("/api/v1/jobs/generations").then();
    }
}
