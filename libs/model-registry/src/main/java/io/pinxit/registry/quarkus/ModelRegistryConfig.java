package io.pinxit.registry.quarkus;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;

/**
 * Where registered models live: the models bucket (on the service's {@code pinxit.storage} endpoint) beside the
 * {@code registry} schema in the service's database, and where a model is unpacked to be checked.
 */
@ConfigMapping(prefix = "pinxit.registry")
public interface ModelRegistryConfig {

    @WithDefault("pinxit-models")
    String bucket();

    /** Scratch space for trial loads; under the JVM's temporary folder ({@code data/tmp} under ./pinxit up). */
    @WithDefault("${java.io.tmpdir}/pinxit-registry")
    Path scratchDirectory();
}
