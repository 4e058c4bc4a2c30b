package io.pinxit.deploy;

import static io.pinxit.deploy.Workloads.container;
import static io.pinxit.deploy.Workloads.emptyDirMounts;
import static io.pinxit.deploy.Workloads.literalEnv;
import static io.pinxit.deploy.Workloads.podSpec;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The production overlay runs the workers on GPU nodes; nothing else there takes a GPU. */
class GpuNodesTest {

    static final String GPU = "nvidia.com/gpu";
    /** A CUDA context and libtorch's CUDA libraries beside a JVM: less than this and a worker is killed at start. */
    static final long LEAST_GPU_WORKER_MEMORY = 6L << 30;

    static Manifest production(String worker) {
        return Rendering.of(DeployTree.PRODUCTION).get("Deployment", worker);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.pinxit.deploy.WorkersTest#workers")
    void everyWorkerTakesOneGpuOnAGpuNodeUnderTheNvidiaRuntime(String worker) {
        JsonNode pod = podSpec(production(worker));

        assertThat(container(production(worker)).path("resources").path("limits").path(GPU).asInt()).isEqualTo(1);
        assertThat(pod.path("runtimeClassName").asText()).isEqualTo("nvidia");
        assertThat(pod.path("nodeSelector").size() + pod.path("affinity").path("nodeAffinity").size())
                .as("%s is steered to GPU nodes", worker).isPositive();
        assertThat(pod.path("tolerations")).anySatisfy(t -> {
            assertThat(t.path("key").asText()).isEqualTo(GPU);
            assertThat(t.path("effect").asText("NoSchedule")).isEqualTo("NoSchedule");
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.pinxit.deploy.WorkersTest#workers")
    void aWorkerThatTakesAGpuRunsTheGpuImageWithMemoryForACudaContext(String worker) {
        JsonNode container = container(production(worker));

        assertThat(container.path("image").asText()).endsWith("-gpu");
        assertThat(Quantity.parse(container.path("resources").path("requests").path("memory").asText()))
                .isGreaterThanOrEqualTo(BigDecimal.valueOf(LEAST_GPU_WORKER_MEMORY));
        assertThat(literalEnv(container, "PYTORCH_FLAVOR")).hasValueSatisfying(flavor -> assertThat(flavor).startsWith("cu"));
        assertThat(literalEnv(container, "DJL_OFFLINE")).contains("true");
        assertThat(literalEnv(container, "OPT_OUT_TRACKING")).contains("true");
    }

    /** The CPU image's cache holds the CPU bridge; the cu128 one is unpacked when the pod starts, so it must write. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.pinxit.deploy.WorkersTest#workers")
    void aGpuWorkerUnpacksItsCudaBridgeIntoAWritableEmptyDir(String worker) {
        var deployment = production(worker);
        var writable = emptyDirMounts(deployment, container(deployment));

        for (String variable : List.of("DJL_CACHE_DIR", "ENGINE_CACHE_DIR")) {
            assertThat(literalEnv(container(deployment), variable)).as("%s %s", worker, variable)
                    .hasValueSatisfying(dir -> assertThat(writable).contains(dir));
        }
    }

    @Test
    void onlyProductionsWorkersTakeAGpu() {
        for (Manifest deployment : Rendering.of(DeployTree.PRODUCTION).all("Deployment")) {
            if (!WorkersTest.workers().contains(deployment.name())) {
                assertThat(deployment.body().toString()).as("%s", deployment).doesNotContain(GPU);
            }
        }
        for (Manifest deployment : DeployTree.base("Deployment")) {
            assertThat(deployment.body().toString()).as("%s in the base", deployment).doesNotContain(GPU);
        }
        for (Manifest deployment : Rendering.of(DeployTree.DEV).all("Deployment")) {
            assertThat(deployment.body().toString()).as("%s in dev", deployment).doesNotContain(GPU);
        }
    }
}
