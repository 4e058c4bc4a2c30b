package io.pinxit.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManifestFilesTest {

    @Test
    void everyYamlFileParsesAndEveryResourceHasAnApiVersionAKindAndAName() {
        var files = DeployTree.yamlFiles(DeployTree.KUBERNETES);
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            var documents = DeployTree.read(file);
            assertThat(documents).as("documents in %s", file).isNotEmpty();
            for (Manifest manifest : documents) {
                assertThat(manifest.apiVersion()).as("apiVersion of a document in %s", file).isNotBlank();
                assertThat(manifest.kind()).as("kind of a document in %s", file).isNotBlank();
                if (!manifest.is("Kustomization")) {
                    assertThat(manifest.name()).as("metadata.name of a %s in %s", manifest.kind(), file).isNotBlank();
                }
            }
        }
    }

    @Test
    void everyFolderWithAKustomizationRendersOnItsOwn() {
        var kustomizations = DeployTree.yamlFiles(DeployTree.KUBERNETES).stream()
                .filter(f -> f.getFileName().toString().equals(DeployTree.KUSTOMIZATION))
                .toList();

        assertThat(kustomizations).isNotEmpty().allSatisfy(file ->
                assertThat(Rendering.of(file.getParent()).manifests()).as("%s rendered", file).isNotEmpty());
    }

    @Test
    void theBaseKustomizationListsEveryManifestOfTheBaseAndOnlyThose() {
        var listed = new ArrayList<Path>();
        DeployTree.kustomization(DeployTree.BASE).path("resources")
                .forEach(r -> listed.add(DeployTree.BASE.resolve(r.asText()).normalize()));
        List<Path> present = DeployTree.yamlFiles(DeployTree.BASE).stream()
                .filter(f -> !f.getFileName().toString().equals(DeployTree.KUSTOMIZATION))
                .toList();

        assertThat(listed).as("resources of base/kustomization.yaml").containsExactlyInAnyOrderElementsOf(present);
    }

    @Test
    void everyBaseResourceLivesInThePinxitNamespace() {
        assertThat(DeployTree.kustomization(DeployTree.BASE).path("namespace").asText()).isEqualTo("pinxit");
        assertThat(DeployTree.base("Namespace")).extracting(Manifest::name).containsExactly("pinxit");
        for (Manifest manifest : DeployTree.base()) {
            var namespace = manifest.body().path("metadata").path("namespace");
            assertThat(namespace.isMissingNode() || namespace.asText().equals("pinxit"))
                    .as("%s names another namespace: %s", manifest, namespace).isTrue();
        }
    }

    @Test
    void resourceNamesAreUniquePerKind() {
        var seen = new ArrayList<String>();
        for (Manifest manifest : DeployTree.base()) {
            String id = manifest.kind() + "/" + manifest.name();
            assertThat(seen).as("resources already declared").doesNotContain(id);
            seen.add(id);
        }
    }
}
