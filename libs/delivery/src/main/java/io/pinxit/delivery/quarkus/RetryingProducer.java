package io.pinxit.delivery.quarkus;

import io.pinxit.delivery.RetryPolicy;
import io.pinxit.delivery.Retrying;
import jakarta.inject.Singleton;
import jakarta.enterprise.inject.Produces;

/** Gives every service the same {@link Retrying}, made from {@link DeliveryConfig}. */
public class RetryingProducer {

    @Produces
    @Singleton
    Retrying retrying(DeliveryConfig config) {
        return new Retrying(new RetryPolicy(config.retryBudget(), config.firstBackoff(), config.maxBackoff()));
    }
}
