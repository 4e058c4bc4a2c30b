package io.pinxit.gateway.messaging;

import io.pinxit.contracts.ModelAnnouncement;
import io.pinxit.gateway.service.ServedModels;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Keeps the served models current from the workers' announcements. */
@ApplicationScoped
public class ModelAnnouncementConsumer {

    private final ServedModels servedModels;

    ModelAnnouncementConsumer(ServedModels servedModels) {
        this.servedModels = servedModels;
    }

    @Incoming("worker-models")
    public void onAnnouncement(ModelAnnouncement announcement) {
        servedModels.accept(announcement);
    }
}
