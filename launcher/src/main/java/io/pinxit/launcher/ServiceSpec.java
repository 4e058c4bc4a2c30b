package io.pinxit.launcher;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * One packaged Quarkus service to run as a child JVM.
 *
 * @param name             the service's module folder, e.g. {@code gateway-service}; also names its log file
 * @param jar              its {@code quarkus-run.jar}
 * @param port             the HTTP port it listens on (127.0.0.1 unless overridden)
 * @param systemProperties configuration passed as {@code -Dkey=value}, after the defaults so they can override them
 * @param environment      variables the JVM needs before it starts (native libraries read them once); a variable
 *                         already set in the launcher's environment wins
 */
public record ServiceSpec(String name, Path jar, int port, Map<String, String> systemProperties,
                          Map<String, String> environment) {

    public ServiceSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(jar, "jar");
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port must be 1-65535, was " + port);
        }
        systemProperties = Map.copyOf(systemProperties);
        environment = Map.copyOf(environment);
    }

    /** The service built by Maven in {@code <repositoryRoot>/<name>/target/quarkus-app/}. */
    public static ServiceSpec built(Path repositoryRoot, String name, int port, Map<String, String> systemProperties,
                                    Map<String, String> environment) {
        Path jar = repositoryRoot.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
        return new ServiceSpec(name, jar, port, systemProperties, environment);
    }
}
