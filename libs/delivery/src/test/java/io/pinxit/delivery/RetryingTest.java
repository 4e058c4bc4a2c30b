package io.pinxit.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RetryingTest {

    private final List<Duration> waits = new ArrayList<>();
    private final AtomicLong now = new AtomicLong();
    private final Retrying retrying = new Retrying(
            new RetryPolicy(Duration.ofSeconds(60), Duration.ofMillis(250), Duration.ofSeconds(15)),
            wait -> {
                waits.add(wait);
                now.addAndGet(wait.toNanos());
            }, now::get);

    @Test
    void aTransientFaultIsRetriedWithDoublingBackoffUntilItPasses() {
        var calls = new AtomicInteger();
        String result = retrying.call("saving", () -> {
            if (calls.incrementAndGet() <= 3) {
                throw outage();
            }
            return "saved";
        });
        assertThat(result).isEqualTo("saved");
        assertThat(waits).containsExactly(Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1));
    }

    @Test
    void aPermanentFaultIsThrownAtOnce() {
        var calls = new AtomicInteger();
        assertThatThrownBy(() -> retrying.call("decoding", () -> {
            calls.incrementAndGet();
            throw new UncheckedIOException(new IOException("not a PNG"));
        })).isInstanceOf(UncheckedIOException.class);
        assertThat(calls).hasValue(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void anOutageLongerThanTheBudgetEndsTheRetriesWithTheLastFault() {
        assertThatThrownBy(() -> retrying.run("saving", () -> {
            throw outage();
        })).isInstanceOf(RetryBudgetSpentException.class).hasCauseInstanceOf(IllegalStateException.class)
                .hasMessageContaining("saving still failed after");
        Duration waited = waits.stream().reduce(Duration.ZERO, Duration::plus);
        assertThat(waited).isLessThanOrEqualTo(Duration.ofSeconds(60)).isGreaterThan(Duration.ofSeconds(45));
        assertThat(waits).last().isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void backoffIsCappedAndNeverOverflows() {
        var policy = new RetryPolicy(Duration.ofMinutes(5), Duration.ofMillis(250), Duration.ofSeconds(15));
        assertThat(policy.backoffAfter(1)).isEqualTo(Duration.ofMillis(250));
        assertThat(policy.backoffAfter(7)).isEqualTo(Duration.ofSeconds(15));
        assertThat(policy.backoffAfter(Integer.MAX_VALUE)).isEqualTo(Duration.ofSeconds(15));
    }

    private static IllegalStateException outage() {
        return new IllegalStateException("Could not reach the database", new ConnectException("Connection refused"));
    }
}
