package io.pinxit.storage.quarkus;

import io.pinxit.storage.ObjectStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while the object store answers: every service that stores or reads pictures needs it. Readiness, never
 * liveness (restarting a service does not bring S3 back), and answered within two seconds whatever S3 does.
 */
@Readiness
@ApplicationScoped
public class ObjectStoreReadiness implements HealthCheck {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final ObjectStore store;
    private final ObjectStoreConfig config;

    ObjectStoreReadiness(ObjectStore store, ObjectStoreConfig config) {
        this.store = store;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("object-store").withData("endpoint", config.endpoint())
                .withData("bucket", config.bucket());
        try {
            CompletableFuture.runAsync(store::checkBucket).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return response.up().build();
        } catch (ExecutionException e) {
            return response.down().withData("error", String.valueOf(e.getCause().getMessage())).build();
        } catch (TimeoutException e) {
            return response.down().withData("error", "no answer within " + TIMEOUT).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return response.down().withData("error", "interrupted").build();
        }
    }
}
