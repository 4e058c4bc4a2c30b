package io.pinxit.gateway.service;

import io.pinxit.contracts.JobKind;
import io.pinxit.contracts.ModelAnnouncement;
import io.pinxit.contracts.ServedModel;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** The models that running workers currently announce; requests are validated against these alone. */
@ApplicationScoped
public class ServedModels {

    private final Map<String, ModelAnnouncement> byWorker = new ConcurrentHashMap<>();
    private final Clock clock;

    ServedModels(Clock clock) {
        this.clock = clock;
    }

    public void accept(ModelAnnouncement announcement) {
        byWorker.merge(announcement.workerId(), announcement,
                (known, latest) -> latest.announcedAt().isAfter(known.announcedAt()) ? latest : known);
    }

    public List<ServedModel> current(JobKind kind) {
        Instant now = clock.instant();
        Map<String, ServedModel> byId = new TreeMap<>();
        byWorker.values().stream()
                .filter(announcement -> announcement.jobKind() == kind && announcement.isValidAt(now))
                .sorted(Comparator.comparing(ModelAnnouncement::announcedAt))
                .flatMap(announcement -> announcement.models().stream())
                .forEach(model -> byId.put(model.id(), model));
        return List.copyOf(byId.values());
    }

    public Optional<ServedModel> find(JobKind kind, String modelId) {
        return current(kind).stream().filter(model -> model.id().equals(modelId)).findFirst();
    }
}
