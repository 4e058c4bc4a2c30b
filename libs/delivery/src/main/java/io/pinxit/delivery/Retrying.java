package io.pinxit.delivery;

import java.time.Duration;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Runs an action again after a transient fault (see {@link TransientFaults}), with backoff, until it succeeds or
 * the policy's budget is spent; any other fault is thrown at once. The caller keeps its place meanwhile (a worker
 * keeps its uncommitted offset), so a crash during a wait loses nothing either.
 */
public final class Retrying {

    private static final Logger LOG = Logger.getLogger(Retrying.class);

    /** How the caller waits between attempts; tests pass one that records instead of sleeping. */
    @FunctionalInterface
    public interface Pause {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final RetryPolicy policy;
    private final Pause pause;
    private final Supplier<Long> nanoTime;

    public Retrying(RetryPolicy policy) {
        this(policy, duration -> Thread.sleep(duration.toMillis()), System::nanoTime);
    }

    public Retrying(RetryPolicy policy, Pause pause, Supplier<Long> nanoTime) {
        this.policy = policy;
        this.pause = pause;
        this.nanoTime = nanoTime;
    }

    /**
     * The action's result, after as many attempts as transient faults and the budget allow.
     *
     * @throws RetryBudgetSpentException when transient faults outlast the budget
     */
    public <T> T call(String what, Supplier<T> action) {
        long deadline = nanoTime.get() + policy.budget().toNanos();
        for (int failures = 1; ; failures++) {
            try {
                return action.get();
            } catch (RuntimeException fault) {
                if (!TransientFaults.isTransient(fault)) {
                    throw fault;
                }
                Duration backoff = policy.backoffAfter(failures);
                if (nanoTime.get() + backoff.toNanos() - deadline > 0) {
                    throw new RetryBudgetSpentException(what, failures, fault);
                }
                LOG.warnf("%s failed (attempt %d), retrying in %d ms: %s", what, failures, backoff.toMillis(),
                        fault.getMessage());
                sleep(backoff, what, fault);
            }
        }
    }

    public void run(String what, Runnable action) {
        call(what, () -> {
            action.run();
            return null;
        });
    }

    private void sleep(Duration backoff, String what, RuntimeException fault) {
        try {
            pause.sleep(backoff);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            var interrupted = new IllegalStateException("Interrupted while waiting to retry " + what, e);
            interrupted.addSuppressed(fault);
            throw interrupted;
        }
    }
}
