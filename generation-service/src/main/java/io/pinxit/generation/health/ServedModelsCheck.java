package io.pinxit.generation.health;

import io.pinxit.generation.service.ServedGenerators;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the worker has models to serve. */
@Readiness
@ApplicationScoped
public class ServedModelsCheck implements HealthCheck {

    private final ServedGenerators generators;

    ServedModelsCheck(ServedGenerators generators) {
        this.generators = generators;
    }

    @Override
    public HealthCheckResponse call() {
        var models = generators.cards();
        return HealthCheckResponse.named("served-models")
                .status(!models.isEmpty())
                .withData("models", models.size())
                .build();
    }
}
