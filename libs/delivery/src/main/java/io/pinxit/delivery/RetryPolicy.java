package io.pinxit.delivery;

import java.time.Duration;

/**
 * How long a transient fault is retried: waits that double from {@code firstBackoff} up to {@code maxBackoff}, for no
 * longer than {@code budget} in all. An outage shorter than the budget costs a delay, never a failed job.
 */
public record RetryPolicy(Duration budget, Duration firstBackoff, Duration maxBackoff) {

    public RetryPolicy {
        if (budget.isNegative() || firstBackoff.isNegative() || firstBackoff.isZero()
                || maxBackoff.compareTo(firstBackoff) < 0) {
            throw new IllegalArgumentException("A retry policy needs a budget >= 0 and 0 < firstBackoff <= "
                    + "maxBackoff: " + this);
        }
    }

    /** The wait after the {@code failures}-th failure in a row (1 for the first). */
    public Duration backoffAfter(int failures) {
        int doublings = Math.min(Math.max(failures - 1, 0), 30);
        Duration backoff = firstBackoff.multipliedBy(1L << doublings);
        return backoff.compareTo(maxBackoff) > 0 || backoff.isNegative() ? maxBackoff : backoff;
    }
}
