package io.pinxit.deploy;

import static io.pinxit.deploy.Workloads.container;
import static io.pinxit.deploy.Workloads.emptyDirMounts;
import static io.pinxit.deploy.Workloads.env;
import static io.pinxit.deploy.Workloads.literalEnv;
import static io.pinxit.deploy.Workloads.podSpec;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Workers: the services that consume commands and name themselves in job events (they declare pinxit.worker.id). */
class WorkersTest {

    /** The least a worker gets to finish its job after SIGTERM when its consumer sets no longer limit. */
    static final int MINIMUM_GRACE_SECONDS = 60;
    /**
     * Jobs allowed longer than this (style trainings: hours) are not waited for when a pod stops; another worker starts
     * them over. A day-long grace period would hold up every node drain.
     */
    static final int LONGEST_AWAITED_JOB_SECONDS = 3600;

    static List<String> workers() {
        return ServiceConfig.services().stream().filter(s -> ServiceConfig.of(s).isWorker()).toList();
    }

    @Test
    void theWorkersAreTheGenerationAndStyleServices() {
        assertThat(workers()).containsExactlyInAnyOrder("generation-service", "style-service");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("workers")
    void djlRunsOfflineAndReportsNoUsage(String worker) {
        var container = container(DeployTree.base("Deployment", worker));

        assertThat(literalEnv(container, "DJL_OFFLINE")).contains("true");
        assertThat(literalEnv(container, "OPT_OUT_TRACKING")).contains("true");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("workers")
    void djlUnpacksNativeLibrariesIntoAWritableEmptyDir(String worker) {
        var deployment = DeployTree.base("Deployment", worker);
        var container = container(deployment);
        var writable = emptyDirMounts(deployment, container);

        for (String variable : List.of("DJL_CACHE_DIR", "ENGINE_CACHE_DIR")) {
            assertThat(literalEnv(container, variable)).as("%s %s", worker, variable)
                    .hasValueSatisfying(dir -> assertThat(writable).contains(dir));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("workers")
    void eachPodNamesItselfInJobEventsByItsPodName(String worker) {
        var variable = env(container(DeployTree.base("Deployment", worker))).get("PINXIT_WORKER_ID");

        assertThat(variable).isNotNull();
        assertThat(variable.path("valueFrom").path("fieldRef").path("fieldPath").asText()).isEqualTo("metadata.name");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("workers")
    void theReplicaCountIsLeftToTheScaledObject(String worker) {
        var deployment = DeployTree.base("Deployment", worker);

        assertThat(deployment.body().path("spec").has("replicas"))
                .as("%s sets spec.replicas, which every apply would reset under KEDA", worker).isFalse();
        assertThat(DeployTree.base("ScaledObject")).extracting(m -> m.body().path("spec").path("scaleTargetRef")
                .path("name").asText()).contains(worker);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("workers")
    void theGracePeriodLetsTheJobInHandFinish(String worker) {
        var config = ServiceConfig.of(worker);
        int jobSeconds = config.incomingChannels().stream()
                .map(c -> config.get("mp.messaging.incoming." + c + ".throttled.unprocessed-record-max-age.ms"))
                .flatMap(Optional::stream)
                .mapToInt(ms -> Integer.parseInt(ms) / 1000)
                .filter(seconds -> seconds <= LONGEST_AWAITED_JOB_SECONDS)
                .max()
                .orElse(MINIMUM_GRACE_SECONDS);

        assertThat(podSpec(DeployTree.base("Deployment", worker)).path("terminationGracePeriodSeconds").asInt(30))
                .isGreaterThanOrEqualTo(Math.max(jobSeconds, MINIMUM_GRACE_SECONDS));
    }
}
