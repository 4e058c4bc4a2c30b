package io.pinxit.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.ValidationMessage;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every custom resource an overlay renders is one its operator serves, and valid against the operator's schema. */
class CustomResourcesTest {

    static Stream<Path> renderings() {
        return Stream.concat(Stream.of(DeployTree.BASE), DeployTree.overlays().stream());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void everyCustomResourceMatchesTheSchemaOfAVersionItsOperatorServes(Path dir) {
        List<Manifest> custom = Rendering.of(dir).manifests().stream().filter(m -> !CoreObjects.isCore(m)).toList();
        assertThat(custom).as("custom resources of %s", dir).isNotEmpty();

        for (Manifest resource : custom) {
            var schema = Schemas.of(resource.apiVersion(), resource.kind());
            assertThat(schema).as("%s: no operator of deploy/schemas serves %s %s", resource, resource.apiVersion(),
                    resource.kind()).isPresent();
            assertThat(schema.get().validate(resource.body())).as("%s against its schema", resource)
                    .extracting(ValidationMessage::getMessage).isEmpty();
        }
    }
}
