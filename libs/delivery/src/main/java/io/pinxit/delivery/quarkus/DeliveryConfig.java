package io.pinxit.delivery.quarkus;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How long every service of the suite retries a transient fault before it gives up (see RetryPolicy). */
@ConfigMapping(prefix = "pinxit.delivery")
public interface DeliveryConfig {

    @WithDefault("5m")
    Duration retryBudget();

    @WithDefault("250ms")
    Duration firstBackoff();

    @WithDefault("15s")
    Duration maxBackoff();
}
