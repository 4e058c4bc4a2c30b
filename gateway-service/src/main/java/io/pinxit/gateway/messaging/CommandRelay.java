package io.pinxit.gateway.messaging;

import io.pinxit.gateway.config.GatewayConfig;
import io.pinxit.gateway.service.CommandOutbox;
import io.pinxit.gateway.service.CommandQueued;
import io.pinxit.gateway.service.CommandTaken;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Moves commands from the outbox to Kafka on a thread of its own: at once when a job's acceptance commits or a worker
 * takes a command (which makes room in its topic's window), and every {@code pinxit.gateway.outbox.poll-every} for
 * what is left (commands of a gateway that died after its commit, of an outage of the broker, or of a full window).
 * Safe to run on every gateway (see {@link CommandOutbox#relay}).
 */
@ApplicationScoped
public class CommandRelay {

    private static final Logger LOG = Logger.getLogger(CommandRelay.class);

    private final CommandOutbox outbox;
    private final CommandPublisher publisher;
    private final GatewayConfig config;
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    CommandRelay(CommandOutbox outbox, CommandPublisher publisher, GatewayConfig config) {
        this.outbox = outbox;
        this.publisher = publisher;
        this.config = config;
    }

    void start(@Observes StartupEvent startup) {
        running = true;
        thread = new Thread(this::relayUntilStopped, "command-relay");
        thread.setDaemon(true);
        thread.start();
    }

    void wake(@Observes(during = TransactionPhase.AFTER_SUCCESS) CommandQueued queued) {
        wakeUps.release();
    }

    /** A topic has room again: with a window, the next command may go. */
    void wake(@Observes CommandTaken taken) {
        wakeUps.release();
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        running = false;
        wakeUps.release();
        thread.join(config.outbox().publishTimeout().toMillis());
    }

    private void relayUntilStopped() {
        boolean failing = false;
        while (running) {
            try {
                int batch = config.outbox().batchSize();
                while (running && outbox.relay(batch, publisher::publishAll) == batch) {
                    LOG.debug("Relayed a full batch of commands; looking for more");
                }
                if (failing) {
                    LOG.info("Commands reach Kafka again");
                    failing = false;
                }
            } catch (RuntimeException e) {
                if (!failing) {
                    LOG.warnf("Commands wait in the outbox: %s", e.getMessage());
                    failing = true;
                }
            }
            awaitWakeUp();
        }
    }

    private void awaitWakeUp() {
        try {
            wakeUps.tryAcquire(config.outbox().pollEvery().toMillis(), TimeUnit.MILLISECONDS);
            wakeUps.drainPermits();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
