package io.pinxit.generation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;

@ConfigMapping(prefix = "pinxit.worker")
public interface WorkerConfig {

    /** This worker's name in provenance records and job events; unique per running instance. */
    String id();

    /** How often the worker tells the gateway which models it serves. */
    @WithDefault("20s")
    Duration announceEvery();

    /** How long one announcement holds; a few announcement periods, so one lost message does not matter. */
    @WithDefault("60s")
    Duration announcementValidFor();

    /** How often the worker looks for newly registered models; a new one is served after at most this long. */
    @WithDefault("5s")
    Duration registryPollEvery();

    /** The loaded generators kept in memory. */
    ModelCache modelCache();

    interface ModelCache {

        /**
         * How many bytes of weights may be loaded at once; the least recently used generators are unloaded beyond
         * it (and loaded again when asked for). One generator bigger than this is still served, alone.
         */
        @WithDefault("536870912")
        long maxBytes();

        /** Where registered models' weights are kept once fetched from the bucket. */
        @WithDefault("${java.io.tmpdir}/pinxit-model-cache")
        Path directory();
    }
}
