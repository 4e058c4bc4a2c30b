package io.pinxit.gateway;

import static io.pinxit.gateway.TestAccounts.as;
import static io.pinxit.gateway.TestAccounts.asAdmin;
import static io.pinxit.gateway.TestAccounts.newUserKey;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.pinxit.infra.testing.LocalInfrastructureTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** POST /api/v1/models: only administrators register models, and only models whose card tells the truth. */
@QuarkusTest
@WithTestResource(LocalInfrastructureTestResource.class)
class ModelRegistrationTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void anAdministratorRegistersAnOnnxGeneratorAndGetsItsCardBackWith201() throws IOException {
        String card = card("tiny-onnx");

        register(asAdmin(), card, weights("tiny-onnx.onnx"))
                .statusCode(201)
                .body("id", equalTo("tiny-onnx"))
                .body("format", equalTo("onnx"))
                .body("outputRange.max", equalTo(1.0f))
                .body("weightsSha256", equalTo(sha256Of(card)));
    }

    @Test
    void aUserMayNotRegisterModels403() throws IOException {
        register(as(newUserKey()), renamed(card("tiny-torchscript"), "tiny-torchscript", "users-model"),
                weights("tiny-torchscript.pt"))
                .statusCode(403)
                .contentType(PROBLEM);
    }

    @Test
    void weightsWhoseHashIsNotTheCardsAreRefusedWith422NamingBothHashes() throws IOException {
        String card = renamed(card("tiny-torchscript"), "tiny-torchscript", "mismatched");
        String onnxCard = card("tiny-onnx");

        register(asAdmin(), card, weights("tiny-onnx.onnx"))
                .statusCode(422)
                .contentType(PROBLEM)
                .body("type", equalTo("urn:pinxit:problem:weights-hash-mismatch"))
                .body("detail", allOf(containsString(sha256Of(card)), containsString(sha256Of(onnxCard))));
    }

    @Test
    void aCardWhosePictureSizeIsNotTheNetworksIsRefusedWith422() throws IOException {
        register(asAdmin(), card("wrong-shape"), weights("wrong-shape.pt"))
                .statusCode(422)
                .contentType(PROBLEM)
                .body("type", equalTo("urn:pinxit:problem:model-shape-mismatch"))
                .body("detail", allOf(containsString("[1, 3, 8, 8]"), containsString("[1, 3, 4, 4]")));
    }

    @Test
    void anIdOfAShippedModelIsRefusedWith409() throws IOException {
        register(asAdmin(), renamed(card("tiny-torchscript"), "tiny-torchscript", "emoji-dcgan"),
                weights("tiny-torchscript.pt"))
                .statusCode(409)
                .contentType(PROBLEM)
                .body("type", equalTo("urn:pinxit:problem:model-exists"));
    }

    @Test
    void aCardWithoutItsLicencesAndAnUnsupportedFormatIsRefusedNamingEachField() throws IOException {
        String card = renamed(card("tiny-torchscript"), "tiny-torchscript", "incomplete")
                .replace("\"torchscript\"", "\"keras\"")
                .replace("\"licence\": \"CC0-1.0\"", "\"licence\": \"\"");

        register(asAdmin(), card, weights("tiny-torchscript.pt"))
                .statusCode(400)
                .contentType(PROBLEM)
                .body("type", equalTo("urn:pinxit:problem:invalid-model-card"))
                .body("errors.field", hasItem("card.format"))
                .body("errors.field", hasItem("card.dataSources[0].licence"));
    }

    @Test
    void aPartOtherThanTheCardAndTheWeightsIsRefusedNamingIt() throws IOException {
        asAdmin().multiPart("card", "card.json", card("tiny-torchscript").getBytes(StandardCharsets.UTF_8),
                        "application/json")
                .multiPart("weights", "weights.bin", weights("tiny-torchscript.pt"), "application/octet-stream")
                .multiPart("licence", "CC0-1.0")
                .post("/api/v1/models").then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("licence"));
    }

    private static ValidatableResponse register(RequestSpecification caller, String card, byte[] weights) {
        return caller.multiPart("card", "card.json", card.getBytes(StandardCharsets.UTF_8), "application/json")
                .multiPart("weights", "weights.bin", weights, "application/octet-stream")
                .post("/api/v1/models")
                .then();
    }

    private static String renamed(String card, String from, String to) {
        return card.replace("\"id\": \"" + from + "\"", "\"id\": \"" + to + "\"");
    }

    private static String sha256Of(String card) {
        int start = card.indexOf("\"weightsSha256\": \"") + "\"weightsSha256\": \"".length();
        return card.substring(start, start + 64);
    }

    private static String card(String id) throws IOException {
        return new String(resource(id + ".card.json"), StandardCharsets.UTF_8);
    }

    private static byte[] weights(String file) throws IOException {
        return resource(file);
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = ModelRegistrationTest.class.getResourceAsStream("/registry-fixtures/" + name)) {
            if (in == null) {
                throw new IOException("No test resource registry-fixtures/" + name);
            }
            return in.readAllBytes();
        }
    }
}
