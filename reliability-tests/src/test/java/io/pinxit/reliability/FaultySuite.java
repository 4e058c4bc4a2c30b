package io.pinxit.reliability;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;

import io.pinxit.infra.LocalInfrastructure;
import io.pinxit.launcher.LocalCredentials;
import io.pinxit.launcher.ServiceProcess;
import io.pinxit.launcher.Suite;
import io.pinxit.launcher.SuiteSettings;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;

/**
 * The packaged suite on free ports and empty data, with the knobs that make faults show sooner: leases of 20 s,
 * heartbeats every 3 s. Gives tests the services' JVMs to kill and the infrastructure to take away.
 */
final class FaultySuite implements AutoCloseable {

    static final Duration PATIENCE = Duration.ofMinutes(3);

    private final Suite suite;
    private final String adminKey;

    private FaultySuite(Suite suite, String adminKey) {
        this.suite = suite;
        this.adminKey = adminKey;
    }

    static FaultySuite start() {
        try {
            Path repository = SuiteSettings.enclosingRepository(Path.of(""));
            Path data = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "faults-");
            var settings = SuiteSettings.forTests(repository, data)
                    .withServiceProperty("gateway-service", "pinxit.gateway.leases.duration", "20s")
                    .withServiceProperty("gateway-service", "pinxit.gateway.leases.reap-every", "1s")
                    .withServiceProperty("generation-service", "pinxit.job-execution.heartbeat-every", "3s")
                    .withServiceProperty("style-service", "pinxit.job-execution.heartbeat-every", "3s");
            var suite = new FaultySuite(Suite.start(settings),
                    Files.readString(LocalCredentials.adminKeyFile(data)).trim());
            await().atMost(PATIENCE).untilAsserted(() -> suite.asAdmin().get("/api/v1/models").then()
                    .statusCode(200).body("id", hasItem("emoji-dcgan")));
            return suite;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    RequestSpecification asAdmin() {
        return asAdminOn(service("gateway-service"));
    }

    RequestSpecification asAdminOn(ServiceProcess gateway) {
        return given().baseUri(gateway.url().toString()).header("Authorization", "Bearer " + adminKey);
    }

    String adminKey() {
        return adminKey;
    }

    /** Another JVM of the service, on a free port, supervised like the first; ready when this returns. */
    ServiceProcess startReplica(String service) {
        return suite.startReplica(service, 2, PATIENCE);
    }

    RequestSpecification gallery() {
        return given().baseUri(suite.url("gallery-service").toString());
    }

    ServiceProcess service(String name) {
        return suite.service(name);
    }

    /** Kills the service's JVM (SIGKILL) and waits until the launcher's supervisor has one ready again. */
    void crash(String name) {
        long crashed = service(name).pid();
        service(name).kill();
        await().atMost(PATIENCE).until(() -> service(name).pid() != crashed);
        service(name).awaitReady(PATIENCE);
    }

    LocalInfrastructure infrastructure() {
        return suite.infrastructure();
    }

    Map<String, String> connectionProperties() {
        return suite.connectionProperties();
    }

    Connection database() throws SQLException {
        var properties = suite.connectionProperties();
        return DriverManager.getConnection(properties.get("quarkus.datasource.jdbc.url"),
                properties.get("quarkus.datasource.username"), properties.get("quarkus.datasource.password"));
    }

    @Override
    public void close() {
        suite.close();
    }
}
