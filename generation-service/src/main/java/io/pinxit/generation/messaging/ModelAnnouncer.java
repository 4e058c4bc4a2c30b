package io.pinxit.generation.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pinxit.contracts.JobKind;
import io.pinxit.contracts.ModelAnnouncement;
import io.pinxit.contracts.ServedModel;
import io.pinxit.generation.config.WorkerConfig;
import io.pinxit.generation.service.ServedGenerators;
import io.pinxit.generation.service.ServedGeneratorsChanged;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/** Tells the gateway, again and again, which models this worker serves, with their cards. */
@ApplicationScoped
public class ModelAnnouncer {

    private static final Logger LOG = Logger.getLogger(ModelAnnouncer.class);

    private final MutinyEmitter<ModelAnnouncement> announcements;
    private final ServedGenerators generators;
    private final WorkerConfig worker;
    private final Clock clock;
    private final ObjectMapper json;
    private final AtomicReference<Instant> lastAnnounced = new AtomicReference<>();

    ModelAnnouncer(@Channel("worker-models") MutinyEmitter<ModelAnnouncement> announcements,
                   ServedGenerators generators, WorkerConfig worker, Clock clock, ObjectMapper json) {
        this.announcements = announcements;
        this.generators = generators;
        this.worker = worker;
        this.clock = clock;
        this.json = json;
    }

    /** A newly served model is announced at once rather than at the next tick. */
    void onServedGeneratorsChanged(@Observes ServedGeneratorsChanged change) {
        announce();
    }

    /**
     * Announces every {@code pinxit.worker.announce-every}, checking every second from the moment the application
     * runs (its channels are connected only then), so the gateway learns of this worker's models at once and again
     * soon after an announcement failed.
     */
    @Scheduled(every = "1s", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void announceWhenDue() {
        Instant last = lastAnnounced.get();
        if (last == null || !last.plus(worker.announceEvery()).isAfter(clock.instant())) {
            announce();
        }
    }

    void announce() {
        var models = generators.cards().stream()
                .map(card -> new ServedModel(card.id(), card.version(), card.family(), json.valueToTree(card)))
                .toList();
        var announcement = ModelAnnouncement.of(worker.id(), JobKind.GENERATION, models, clock.instant(),
                worker.announcementValidFor());
        var key = OutgoingKafkaRecordMetadata.<String>builder().withKey(worker.id()).build();
        announcements.sendMessage(Message.of(announcement).addMetadata(key)).subscribe().with(
                done -> {
                    lastAnnounced.set(announcement.announcedAt());
                    LOG.debugf("Announced %d models", models.size());
                },
                failure -> LOG.warnf("Could not announce models: %s", failure.getMessage()));
    }
}
