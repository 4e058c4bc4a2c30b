package io.pinxit.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every Kubernetes object an overlay renders reads strictly into Kubernetes' model: no unknown or mistyped field. */
class CoreObjectsTest {

    static Stream<Path> renderings() {
        return CustomResourcesTest.renderings();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void everyCoreObjectHasOnlyFieldsOfItsKind(Path dir) throws JsonProcessingException {
        for (Manifest manifest : Rendering.of(dir).manifests()) {
            if (CoreObjects.isCore(manifest)) {
                assertThat(CoreObjects.unknownFields(manifest)).as("fields %s does not have", manifest).isEmpty();
            }
        }
    }
}
