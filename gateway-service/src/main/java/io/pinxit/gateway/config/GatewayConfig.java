package io.pinxit.gateway.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.OptionalInt;

@ConfigMapping(prefix = "pinxit.gateway")
public interface GatewayConfig {

    /** The relay that takes accepted jobs' commands from the outbox to Kafka. */
    Outbox outbox();

    /** Leases on running jobs, and the deadline of queued ones. */
    Leases leases();

    /** Pictures uploaded with a style transfer or saved as a style. */
    Uploads uploads();

    /** Which jobs wait in the interactive lane. */
    Lanes lanes();

    /** Calls to the URLs accounts register to hear of their jobs' changes. */
    Webhooks webhooks();

    /** How much one account may have the platform do at once. */
    Quotas quotas();

    interface Quotas {

        /**
         * The most jobs an account may have queued or running; an account's own limit, set by an administrator,
         * overrides it. Beyond it a submission is 429, so that one account cannot fill the queues for everyone.
         */
        @WithDefault("1000")
        int openJobs();

        /** What a refused submission's Retry-After says: about how long a job takes to leave the queue. */
        @WithDefault("10s")
        Duration retryAfter();

        /**
         * How many requests an account may make to one gateway a minute, in bursts of up to a minute's worth; an
         * account's own limit, set by an administrator, overrides it. Beyond it a request is 429, so that one
         * account's runaway client cannot take the gateway from everyone. A ceiling, not a fair share: at the default
         * a few accounts together can still fill the gateway of a small machine.
         */
        @WithDefault("6000")
        int requestsPerMinute();
    }

    interface Webhooks {

        /**
         * Let webhook URLs use plain http and point at loopback, private, link-local or other non-public addresses:
         * only for tests or a closed network, since it lets accounts make the gateway call into its own network.
         */
        @WithDefault("false")
        boolean allowPrivateTargets();

        /** How often the sender looks for deliveries that are due. */
        @WithDefault("1s")
        Duration sendEvery();

        /** How long a receiver has to answer one delivery. */
        @WithDefault("5s")
        Duration timeout();

        /** The wait before the first retry; each later one waits twice as long, up to longest-retry-after. */
        @WithDefault("5s")
        Duration firstRetryAfter();

        @WithDefault("1h")
        Duration longestRetryAfter();

        /** A delivery not answered with 2xx by then is given up. */
        @WithDefault("24h")
        Duration giveUpAfter();
    }

    interface Lanes {

        /** A generation job of at most this many pictures goes to the interactive lane; larger ones to the bulk lane. */
        @WithDefault("4")
        int interactiveMaxPictures();
    }

    interface Outbox {

        /** How often the relay looks for commands that no commit woke it for (another gateway's, or an outage's). */
        @WithDefault("1s")
        Duration pollEvery();

        /** The most commands published in one go. */
        @WithDefault("100")
        int batchSize();

        /**
         * The most commands that may wait in one topic at once: published, and not yet taken by a worker. The others
         * wait in the outbox, and as workers take commands they are released fairly between authors (each author's
         * oldest first, the author with the fewest jobs in flight first), so that one account's backlog delays
         * another's next job by at most the window and the jobs running. Unset: no window; every command is published
         * at once, in the order of acceptance.
         */
        OptionalInt window();

        /** How long the relay waits for Kafka to acknowledge a batch before it tries again. */
        @WithDefault("10s")
        Duration publishTimeout();
    }

    interface Leases {

        /** How long a running job stays leased after its worker's last sign of life (heartbeats come every 10s). */
        @WithDefault("60s")
        Duration duration();

        /** How many times a job's command is issued before a lost lease fails it. */
        @WithDefault("3")
        int maxAttempts();

        /** How often the reaper looks for lost leases and overdue jobs. */
        @WithDefault("5s")
        Duration reapEvery();

        /** A queued job older than this is reported overdue (metric and job field), though left queued. */
        @WithDefault("15m")
        Duration queuedDeadline();
    }

    interface Uploads {

        /** The largest JSON body (413 beyond, before it is read when its Content-Length says so). */
        @WithDefault("64K")
        MemorySize maxJsonBytes();

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
