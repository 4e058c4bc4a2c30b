package io.pinxit.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "pinxit.gateway")
public interface GatewayConfig {

    /** How long a submission waits for Kafka to acknowledge its command before answering 503. */
    @WithDefault("10s")
    Duration publishTimeout();

    /** The Retry-After a client is given when Kafka cannot take commands. */
    @WithDefault("5s")
    Duration retryAfter();
}
