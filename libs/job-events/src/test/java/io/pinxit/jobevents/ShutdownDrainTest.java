package io.pinxit.jobevents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ShutdownDrainTest {

    @Test
    void shutdownWaitsForTheJobInHandAndGoesOnWhenItFinishes() throws Exception {
        var drain = new ShutdownDrain(config(Duration.ofSeconds(30)));
        var job = drain.admit();

        var shutdown = CompletableFuture.runAsync(() -> shutDown(drain));

        assertThat(shutdown).failsWithin(300, TimeUnit.MILLISECONDS);
        assertThat(drain.isDraining()).isTrue();
        job.close();
        shutdown.get(5, TimeUnit.SECONDS);
    }

    @Test
    void shutdownGivesUpWaitingAfterTheGrace() throws Exception {
        var drain = new ShutdownDrain(config(Duration.ofMillis(200)));
        drain.admit();

        long started = System.nanoTime();
        shutDown(drain);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(200),
                Duration.ofSeconds(5));
    }

    @Test
    void aJobThatFinishesTwiceCountsOnce() throws Exception {
        var drain = new ShutdownDrain(config(Duration.ofSeconds(30)));
        var first = drain.admit();
        var second = drain.admit();
        first.close();
        first.close();

        var shutdown = CompletableFuture.runAsync(() -> shutDown(drain));

        assertThat(shutdown).failsWithin(300, TimeUnit.MILLISECONDS);
        second.close();
        shutdown.get(5, TimeUnit.SECONDS);
    }

    private static void shutDown(ShutdownDrain drain) {
        try {
            drain.onShutdown(null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static JobExecutionConfig config(Duration grace) {
        return new JobExecutionConfig() {
            @Override
            public Duration heartbeatEvery() {
                return Duration.ofSeconds(10);
            }

            @Override
            public Duration shutdownGrace() {
                return grace;
            }
        };
    }
}
