package io.pinxit.generation.health;

import io.pinxit.generation.service.ServedGenerators;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the worker has models to serve and a device for every one of them. */
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
        var unservable = generators.unservable();
        var response = HealthCheckResponse.named("served-models")
                .status(!models.isEmpty() && unservable.isEmpty())
                .withData("models", models.size());
        for (var device : generators.devices()) {
            response.withData(device.name(), String.join(",", device.loadedModelIds()));
        }
        if (!unservable.isEmpty()) {
            response.withData("unservable", String.join(",", unservable));
        }
        return response.build();
    }
}
