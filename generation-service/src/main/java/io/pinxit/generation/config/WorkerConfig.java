package io.pinxit.generation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
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
}
