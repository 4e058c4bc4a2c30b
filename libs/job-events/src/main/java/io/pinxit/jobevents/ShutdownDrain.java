package io.pinxit.jobevents;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;

/**
 * A worker's graceful shutdown. On SIGTERM it stops taking jobs, lets the jobs in hand finish for up to
 * {@code pinxit.job-execution.shutdown-grace}, and only then lets Quarkus go on to close the models and the Kafka
 * consumers (which commit what finished). A job still running after the grace, and a command that arrives during the
 * drain, is handed back: its thread never acknowledges it, so its offset stays uncommitted and the next worker of the
 * group runs it.
 */
@ApplicationScoped
public class ShutdownDrain {

    private static final Logger LOG = Logger.getLogger(ShutdownDrain.class);

    private final Duration grace;
    private final AtomicBoolean draining = new AtomicBoolean();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition idle = lock.newCondition();
    private int inHand;

    ShutdownDrain(JobExecutionConfig config) {
        this.grace = config.shutdownGrace();
    }

    /**
     * JVM shutdown hooks run side by side, and Quarkus fires its ShutdownEvent from one of them; a library's hook may
     * close what a job uses before that (ImageIO closed its stream caches). Draining from the first moment of the
     * shutdown lets such a failure be handed back rather than reported.
     */
    void onStart(@Observes StartupEvent startup) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> draining.set(true), "shutdown-drain"));
    }

    /** Holds a job for its run; a job that arrives during the drain is handed back instead. */
    Job admit() {
        lock.lock();
        try {
            if (!draining.get()) {
                inHand++;
                return new Job();
            }
        } finally {
            lock.unlock();
        }
        throw handBack();
    }

    boolean isDraining() {
        return draining.get();
    }

    /**
     * Never returns: the calling thread parks until the JVM exits, without acknowledging its command. The return
     * type lets callers write {@code throw handBack()}.
     */
    RuntimeException handBack() {
        LOG.info("Shutting down: the command in hand is handed back to the next worker");
        while (true) {
            LockSupport.park(this);
        }
    }

    void onShutdown(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ShutdownEvent event)
            throws InterruptedException {
        draining.set(true);
        long left = grace.toNanos();
        lock.lock();
        try {
            if (inHand > 0) {
                LOG.infof("Shutting down: waiting up to %s for %d job(s) in hand", grace, inHand);
            }
            while (inHand > 0 && left > 0) {
                left = idle.awaitNanos(left);
            }
            if (inHand > 0) {
                LOG.warnf("Shutting down with %d job(s) unfinished after %s; they are handed back", inHand, grace);
            }
        } finally {
            lock.unlock();
        }
    }

    /** A job in hand; closing it tells the drain that it finished. */
    final class Job implements AutoCloseable {

        private final AtomicBoolean open = new AtomicBoolean(true);

        @Override
        public void close() {
            if (open.compareAndSet(true, false)) {
                lock.lock();
                try {
                    inHand--;
                    idle.signalAll();
                } finally {
                    lock.unlock();
                }
            }
        }
    }
}
