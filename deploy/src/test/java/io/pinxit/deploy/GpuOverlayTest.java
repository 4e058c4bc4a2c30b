package io.pinxit.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The GPU overlay moves the workers, and only them, onto GPU nodes; the base stays runnable without GPUs. */
class GpuOverlayTest {

    static final String GPU = "nvidia.com/gpu";

    record Patch(JsonNode entry, Manifest body) {
    }

    static List<Patch> patches() {
        var patches = new ArrayList<Patch>();
        DeployTree.kustomization(DeployTree.GPU_OVERLAY).path("patches").forEach(entry -> {
            assertThat(entry.has("path")).as("patch %s is a file", entry).isTrue();
            var documents = DeployTree.read(DeployTree.GPU_OVERLAY.resolve(entry.path("path").asText()));
            documents.forEach(d -> patches.add(new Patch(entry, d)));
        });
        return patches;
    }

    @Test
    void theOverlayBuildsOnTheBaseAndAddsNoResources() {
        JsonNode kustomization = DeployTree.kustomization(DeployTree.GPU_OVERLAY);

        assertThat(kustomization.path("resources")).hasSize(1);
        assertThat(kustomization.path("resources").get(0).asText()).isEqualTo("../../base");
        assertThat(kustomization.has("patchesStrategicMerge")).as("deprecated field").isFalse();
    }

    @Test
    void theOverlayPatchesOnlyWorkerDeployments() {
        assertThat(patches()).isNotEmpty().allSatisfy(patch -> {
            JsonNode target = patch.entry().path("target");
            assertThat(target.path("kind").asText()).isEqualTo("Deployment");
            assertThat(WorkersTest.workers()).contains(target.path("name").asText());
            assertThat(patch.body().kind()).isEqualTo("Deployment");
            assertThat(patch.body().name()).isEqualTo(target.path("name").asText());
        });
    }

    @Test
    void theOverlayRetagsOnlyWorkerImages() {
        DeployTree.kustomization(DeployTree.GPU_OVERLAY).path("images").forEach(image -> assertThat(
                WorkersTest.workers().stream().map(w -> "pinxit/" + w)).contains(image.path("name").asText()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.pinxit.deploy.WorkersTest#workers")
    void everyWorkerTakesOneGpuOnAGpuNodeAndToleratesItsTaint(String worker) {
        var patch = patches().stream().filter(p -> p.body().name().equals(worker)).findFirst().orElseThrow();
        JsonNode pod = patch.body().body().path("spec").path("template").path("spec");
        JsonNode container = Workloads.containers(patch.body()).stream()
                .filter(c -> c.path("name").asText().equals(worker)).findFirst().orElseThrow();

        assertThat(container.path("resources").path("limits").path(GPU).asInt()).isEqualTo(1);
        assertThat(pod.path("nodeSelector").size() + pod.path("affinity").path("nodeAffinity").size())
                .as("%s is steered to GPU nodes", worker).isPositive();
        assertThat(pod.path("tolerations")).anySatisfy(t -> {
            assertThat(t.path("key").asText()).isEqualTo(GPU);
            assertThat(t.path("effect").asText("NoSchedule")).isEqualTo("NoSchedule");
        });
    }

    @Test
    void theGpuWorkersStillRunDjlOffline() {
        for (Patch patch : patches()) {
            for (JsonNode container : Workloads.containers(patch.body())) {
                assertThat(Workloads.env(container)).doesNotContainKeys("DJL_OFFLINE", "OPT_OUT_TRACKING");
            }
        }
    }

    @Test
    void theBaseAsksForNoGpuAndNoGpuNode() {
        for (Manifest deployment : DeployTree.base("Deployment")) {
            assertThat(deployment.body().toString()).as("%s in the base", deployment).doesNotContain(GPU);
        }
    }
}
