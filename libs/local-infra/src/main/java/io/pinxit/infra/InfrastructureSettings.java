package io.pinxit.infra;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the infrastructure keeps its files, whether they outlive it, and which ports it listens on.
 *
 * @param dataDirectory holds {@code kafka/}, {@code postgres/} and {@code s3/}
 * @param persistent    true keeps all data across restarts (durable writes); false starts empty and cleans up
 */
public record InfrastructureSettings(Path dataDirectory, boolean persistent, InfrastructurePorts ports) {

    public InfrastructureSettings {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Objects.requireNonNull(ports, "ports");
        dataDirectory = dataDirectory.toAbsolutePath().normalize();
    }

    /** Empty, throw-away infrastructure on free ports: what tests use. */
    public static InfrastructureSettings ephemeral(Path dataDirectory) {
        return new InfrastructureSettings(dataDirectory, false, InfrastructurePorts.ANY_FREE);
    }

    /** Durable infrastructure on the fixed local ports: what `./pinxit up` uses. */
    public static InfrastructureSettings persistent(Path dataDirectory) {
        return new InfrastructureSettings(dataDirectory, true, InfrastructurePorts.LOCAL_DEFAULTS);
    }

    Path kafkaDirectory() {
        return dataDirectory.resolve("kafka");
    }

    Path postgresDirectory() {
        return dataDirectory.resolve("postgres");
    }

    Path s3Directory() {
        return dataDirectory.resolve("s3");
    }
}
