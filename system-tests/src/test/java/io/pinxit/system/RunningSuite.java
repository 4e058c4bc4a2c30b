package io.pinxit.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;

import io.pinxit.launcher.LocalCredentials;
import io.pinxit.launcher.Suite;
import io.pinxit.launcher.SuiteSettings;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The packaged suite (infrastructure and the four service JVMs) on empty data and free ports, shared by every test
 * class in the JVM: starting it costs ~40 s. A class gets it with {@code @ExtendWith(RunningSuite.Extension.class)}
 * and a {@code RunningSuite} parameter; JUnit closes it when the root context's store closes, after the last class.
 */
final class RunningSuite implements AutoCloseable {

    static final Duration PATIENCE = Duration.ofMinutes(2);

    private final Suite suite;
    private final Path repository;
    private final Path data;
    private final String gateway;
    private final String gallery;
    private final String adminKey;

    private RunningSuite(Suite suite, Path repository, Path data, String adminKey) {
        this.suite = suite;
        this.repository = repository;
        this.data = data;
        this.gateway = suite.url("gateway-service").toString();
        this.gallery = suite.url("gallery-service").toString();
        this.adminKey = adminKey;
    }

    private static RunningSuite start() {
        try {
            Path repository = SuiteSettings.enclosingRepository(Path.of(""));
            Path data = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "suite-");
            long started = System.nanoTime();
            var running = new RunningSuite(Suite.start(SuiteSettings.forTests(repository, data)), repository, data,
                    Files.readString(LocalCredentials.adminKeyFile(data)).trim());
            await().atMost(PATIENCE).untilAsserted(() -> running.asAdmin().get("/api/v1/models")
                    .then().statusCode(200).body("id", hasItem("emoji-dcgan")));
            System.out.printf("e2e: suite started and the model announced in %d ms%n",
                    (System.nanoTime() - started) / 1_000_000);
            return running;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The checkout the packaged services come from. */
    Path repository() {
        return repository;
    }

    /** The suite's data directory: its logs, traces and local key, as {@code ./data} holds them for ./pinxit up. */
    Path dataDirectory() {
        return data;
    }

    String gateway() {
        return gateway;
    }

    String adminKey() {
        return adminKey;
    }

    String gallery() {
        return gallery;
    }

    /** Where each service of the suite answers, by name. */
    Map<String, String> services() {
        Map<String, String> urls = new LinkedHashMap<>();
        Suite.SERVICE_PORTS.keySet().forEach(service -> urls.put(service, suite.url(service).toString()));
        return urls;
    }

    RequestSpecification asAdmin() {
        return given().baseUri(gateway).header("Authorization", "Bearer " + adminKey);
    }

    RequestSpecification asAdminAtGallery() {
        return given().baseUri(gallery).header("Authorization", "Bearer " + adminKey);
    }

    /** Waits until the job at {@code location} succeeded and returns it; fails at once if it failed. */
    JsonPath awaitSuccess(String location) {
        await().atMost(PATIENCE).until(() -> {
            String state = asAdmin().get(location).then().statusCode(200).extract().path("state");
            assertThat(state).isNotEqualTo("FAILED");
            return "SUCCEEDED".equals(state);
        });
        return asAdmin().get(location).then().extract().jsonPath();
    }

    /** The original PNG of a public artwork, as the gallery serves it. */
    byte[] image(String artworkId) {
        return given().baseUri(gallery).get("/api/v1/artworks/" + artworkId + "/image")
                .then().statusCode(200).contentType("image/png").extract().asByteArray();
    }

    @Override
    public void close() {
        suite.close();
    }

    /** Resolves {@code RunningSuite} parameters, starting the suite on first use. */
    static final class Extension implements ParameterResolver {

        private static final ExtensionContext.Namespace NAMESPACE =
                ExtensionContext.Namespace.create(RunningSuite.class);

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == RunningSuite.class;
        }

        @Override
        public RunningSuite resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return context.getRoot().getStore(NAMESPACE)
                    .computeIfAbsent(RunningSuite.class, key -> start(), RunningSuite.class);
        }
    }
}
