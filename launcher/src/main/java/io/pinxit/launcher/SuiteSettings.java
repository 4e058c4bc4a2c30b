package io.pinxit.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import io.pinxit.infra.InfrastructurePorts;
import io.pinxit.infra.InfrastructureSettings;

/**
 * How to run the suite.
 *
 * @param repositoryRoot    the checkout whose modules hold the built services
 * @param dataDirectory     infrastructure data, logs, temporary files and caches
 * @param persistent        keep data across runs (`./pinxit up`) or start empty and clean up (tests)
 * @param fixedPorts        the well-known local ports (services 8080-8083) or free ones
 * @param serviceProperties extra system properties per service name, e.g. to shorten a timeout in a test
 * @param readyTimeout      how long the services together may take to become ready
 */
public record SuiteSettings(Path repositoryRoot, Path dataDirectory, boolean persistent, boolean fixedPorts,
                            Map<String, Map<String, String>> serviceProperties, Duration readyTimeout) {

    private static final Duration DEFAULT_READY_TIMEOUT = Duration.ofMinutes(3);

    public SuiteSettings {
        repositoryRoot = repositoryRoot.toAbsolutePath().normalize();
        dataDirectory = dataDirectory.toAbsolutePath().normalize();
        Objects.requireNonNull(readyTimeout, "readyTimeout");
        var copy = new HashMap<String, Map<String, String>>();
        serviceProperties.forEach((service, properties) -> copy.put(service, Map.copyOf(properties)));
        serviceProperties = Map.copyOf(copy);
    }

    /** Durable data on the fixed local ports: `./pinxit up`. */
    public static SuiteSettings local(Path repositoryRoot, Path dataDirectory) {
        return new SuiteSettings(repositoryRoot, dataDirectory, true, true, Map.of(), DEFAULT_READY_TIMEOUT);
    }

    /** Empty data on free ports, so tests can run beside a local suite: end-to-end tests. */
    public static SuiteSettings forTests(Path repositoryRoot, Path dataDirectory) {
        return new SuiteSettings(repositoryRoot, dataDirectory, false, false, Map.of(), DEFAULT_READY_TIMEOUT);
    }

    /**
     * The checkout enclosing {@code start} (the folder holding {@code pinxit} and the root {@code pom.xml}); from a
     * test that is {@code Path.of("")}, the module's folder.
     */
    public static Path enclosingRepository(Path start) {
        for (Path folder = start.toAbsolutePath().normalize(); folder != null; folder = folder.getParent()) {
            if (Files.isRegularFile(folder.resolve("pinxit")) && Files.isRegularFile(folder.resolve("pom.xml"))) {
                return folder;
            }
        }
        throw new IllegalArgumentException("No Pinxit checkout encloses " + start.toAbsolutePath());
    }

    public SuiteSettings withServiceProperty(String service, String key, String value) {
        var properties = new HashMap<>(serviceProperties.getOrDefault(service, Map.of()));
        properties.put(key, value);
        var all = new HashMap<>(serviceProperties);
        all.put(service, properties);
        return new SuiteSettings(repositoryRoot, dataDirectory, persistent, fixedPorts, all, readyTimeout);
    }

    public SuiteSettings withReadyTimeout(Duration timeout) {
        return new SuiteSettings(repositoryRoot, dataDirectory, persistent, fixedPorts, serviceProperties, timeout);
    }

    InfrastructureSettings infrastructure() {
        var ports = fixedPorts ? InfrastructurePorts.LOCAL_DEFAULTS : InfrastructurePorts.ANY_FREE;
        return new InfrastructureSettings(dataDirectory, persistent, ports);
    }
}
