package io.pinxit.deploy;

import static io.pinxit.deploy.Workloads.container;
import static io.pinxit.deploy.Workloads.env;
import static io.pinxit.deploy.Workloads.literalEnv;
import static io.pinxit.deploy.Workloads.podSpec;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Workers: the services that consume commands and name themselves in job events (they declare pinxit.worker.id). */
class WorkersTest {

    /**
     * The least a worker waits on SIGTERM for the job in hand: jobs other than trainings finish within minutes on a
     * CPU. Trainings (hours) are not waited for, or every node drain would wait hours; another worker starts them over.
     */
    static final int LEAST_DRAIN_SECONDS = 600;
    /** After the drain: closing the models and the consumers, committing what finished. */
    static final int DRAIN_TO_EXIT_SECONDS = 30;
    /** Where the image keeps DJL's cache, with libtorch unpacked by deploy/images/build.sh. */
    static final Path IMAGE_DJL_CACHE = Path.of("/opt/pinxit/djl");

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

    /** The image carries libtorch unpacked in DJL's cache (ImagesTest boots it with a read-only root). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("workers")
    void djlFindsLibtorchUnpackedInTheImageNotInAVolume(String worker) throws IOException {
        var container = container(DeployTree.base("Deployment", worker));
        String containerfile = Files.readString(DeployTree.DEPLOY.resolve("images/Containerfile"));

        for (String variable : List.of("DJL_CACHE_DIR", "ENGINE_CACHE_DIR")) {
            assertThat(env(container)).as("%s overrides the image's %s", worker, variable).doesNotContainKey(variable);
            assertThat(containerfile).contains(variable + "=" + IMAGE_DJL_CACHE);
        }
        assertThat(containerfile).contains("COPY --chown=0:0 native/ " + IMAGE_DJL_CACHE.getParent());
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
        var deployment = DeployTree.base("Deployment", worker);
        int drainSeconds = literalEnv(container(deployment), "PINXIT_JOB_EXECUTION_SHUTDOWN_GRACE")
                .map(grace -> (int) Duration.parse("PT" + grace).toSeconds())
                .orElseThrow(() -> new AssertionError(worker + " sets no PINXIT_JOB_EXECUTION_SHUTDOWN_GRACE"));

        assertThat(drainSeconds).as("%s waits for the job in hand on SIGTERM", worker)
                .isGreaterThanOrEqualTo(LEAST_DRAIN_SECONDS);
        assertThat(podSpec(deployment).path("terminationGracePeriodSeconds").asInt(30))
                .as("%s is killed only after its drain and the offset commit that follows", worker)
                .isGreaterThanOrEqualTo(drainSeconds + DRAIN_TO_EXIT_SECONDS);
    }
}
