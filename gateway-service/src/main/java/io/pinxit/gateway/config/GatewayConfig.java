package io.pinxit.gateway.config;

import io.quarkus.runtime.configuration.MemorySize;
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

    /** Pictures uploaded with a style transfer or saved as a style. */
    Uploads uploads();

    interface Uploads {

        /** The largest file, as uploaded (413 beyond). */
        @WithDefault("20M")
        MemorySize maxBytes();

        /** The most pixels a picture may declare (422 beyond): decoded, 40 megapixels take 160 MB. */
        @WithDefault("40000000")
        long maxPixels();

        /** The longest side a picture may declare, in pixels (422 beyond). */
        @WithDefault("8192")
        int maxSide();

        /** How many uploads are decoded at once; the others wait, so that many large uploads cannot exhaust memory. */
        @WithDefault("2")
        int concurrentDecodes();
    }
}
