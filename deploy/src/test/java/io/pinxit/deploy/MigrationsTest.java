package io.pinxit.deploy;

import static io.pinxit.deploy.Workloads.container;
import static io.pinxit.deploy.Workloads.containers;
import static io.pinxit.deploy.Workloads.literalEnv;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** One Job migrates each database schema once per rollout; the services only check theirs, never race to migrate. */
class MigrationsTest {

    static final String JOB = "pinxit-migrations";

    static List<String> servicesWithSchemas() {
        return ServiceConfig.services().stream().filter(s -> ServiceConfig.of(s).has("quarkus.flyway.schemas")).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servicesWithSchemas")
    void theServiceValidatesItsSchemaAndLeavesMigratingToTheJob(String service) {
        var container = container(DeployTree.base("Deployment", service));

        assertThat(literalEnv(container, "QUARKUS_FLYWAY_MIGRATE_AT_START")).contains("false");
        assertThat(literalEnv(container, "QUARKUS_FLYWAY_VALIDATE_AT_START")).contains("true");
    }

    @Test
    void theJobMigratesEverySchemaOnceWithTheImageOfAServiceThatOwnsIt() {
        var migrated = new ArrayList<String>();
        for (JsonNode container : containers(DeployTree.base("Job", JOB))) {
            String image = container.path("image").asText();
            var config = ServiceConfig.of(Workloads.service(container));

            assertThat(literalEnv(container, "QUARKUS_INIT_AND_EXIT")).as("%s starts, migrates and stops", image)
                    .contains("true");
            assertThat(config.get("quarkus.flyway.migrate-at-start")).contains("true");
            assertThat(literalEnv(container, "QUARKUS_FLYWAY_MIGRATE_AT_START")).isEmpty();
            migrated.add(config.get("quarkus.flyway.schemas").orElseThrow());
        }

        assertThat(migrated).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(servicesWithSchemas().stream()
                .map(s -> ServiceConfig.of(s).get("quarkus.flyway.schemas").orElseThrow()).distinct().toList());
    }

    @Test
    void theJobRetriesUntilTheDatabaseIsUpAndMakesRoomForTheNextRollout() {
        JsonNode spec = DeployTree.base("Job", JOB).body().path("spec");

        assertThat(spec.path("backoffLimit").asInt(6)).isPositive();
        assertThat(spec.path("template").path("spec").path("restartPolicy").asText()).isIn("OnFailure", "Never");
        assertThat(spec.path("ttlSecondsAfterFinished").isNumber()).as("finished Jobs are removed").isTrue();
    }
}
