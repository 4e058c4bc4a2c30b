package io.pinxit.infra.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.pinxit.infra.LocalInfrastructure;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Gives a {@code @QuarkusTest} real Kafka, PostgreSQL and S3 storage: empty, on free ports, with their files under
 * the module's {@code target/} folder, and configures the service under test to use them.
 */
public final class LocalInfrastructureTestResource implements QuarkusTestResourceLifecycleManager {

    /**
     * The servers' own categories: at INFO their start-up alone is thousands of lines that bury the output of the
     * service under test. A level the service's test configuration sets for one of them is left alone.
     */
    private static final List<String> SERVER_LOG_CATEGORIES = List.of(
            "kafka", "state.change.logger", "org.apache.kafka", "io.zonky", "org.gaul", "org.jclouds");

    private Path dataDirectory;
    private LocalInfrastructure infrastructure;

    @Override
    public Map<String, String> start() {
        quietServerLogs();
        try {
            Path target = Files.createDirectories(Path.of("target"));
            dataDirectory = Files.createTempDirectory(target, "local-infra-");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a data directory under target/", e);
        }
        infrastructure = LocalInfrastructure.startEphemeral(dataDirectory);
        return infrastructure.connectionProperties();
    }

    @Override
    public void stop() {
        if (infrastructure != null) {
            infrastructure.close();
        }
        if (dataDirectory != null) {
            deleteDataDirectory();
        }
    }

    private static void quietServerLogs() {
        for (String category : SERVER_LOG_CATEGORIES) {
            Logger logger = Logger.getLogger(category);
            if (logger.getLevel() == null) {
                logger.setLevel(Level.WARNING);
            }
        }
    }

    /** The servers remove their own files on close; only the folder they ran in is left, under target/ anyway. */
    private void deleteDataDirectory() {
        try {
            Files.deleteIfExists(dataDirectory);
        } catch (DirectoryNotEmptyException e) {
            // A server that failed to stop cleanly left files behind for inspection; `mvn clean` removes them.
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + dataDirectory, e);
        }
    }
}
