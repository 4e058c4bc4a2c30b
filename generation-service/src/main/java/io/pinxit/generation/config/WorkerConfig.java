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

    /**
     * The devices generators run on: {@code auto} (every GPU the engine finds, else the CPU), {@code cpu}, or a list
     * such as {@code gpu:0,gpu:1}. Each device loads the models it runs, within the model cache's budget.
     */
    @WithDefault("auto")
    String devices();

    /** The loaded generators kept in memory, per device. */
    ModelCache modelCache();

    interface ModelCache {

        /**
         * How many bytes of weights each device may hold at once; the least recently used generators are unloaded
         * beyond it (and loaded again when asked for). One generator bigger than this is still served, alone.
         */
        @WithDefault("536870912")
        long maxBytes();

        /** Where registered models' weights are kept once fetched from the bucket. */
        @WithDefault("${java.io.tmpdir}/pinxit-model-cache")
        Path directory();
    }
}
