package io.pinxit.jobevents;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How a worker runs jobs: how often a running job renews its lease, and how long SIGTERM waits for jobs in hand. */
@ConfigMapping(prefix = "pinxit.job-execution")
public interface JobExecutionConfig {

    @WithDefault("10s")
    Duration heartbeatEvery();

    /** Below the 30 s that a pod and {@code ./pinxit down} give before SIGKILL. */
    @WithDefault("20s")
    Duration shutdownGrace();
}
