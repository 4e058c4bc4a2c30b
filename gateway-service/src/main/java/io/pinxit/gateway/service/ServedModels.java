package io.pinxit.gateway.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.pinxit.contracts.JobKind;
import io.pinxit.contracts.ModelAnnouncement;
import io.pinxit.contracts.ServedModel;
import io.pinxit.contracts.prompt.PromptVocabulary;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
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
    private final Map<String, PromptVocabulary> vocabularies = new ConcurrentHashMap<>();
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

    /**
     * The words a prompt model's card lists, read once per model, version and weights rather than on every request;
     * empty for a model that takes no prompt.
     */
    public Optional<PromptVocabulary> vocabularyOf(ServedModel model) {
        JsonNode words = model.card() == null ? MissingNode.getInstance() : model.card().path("vocabulary");
        if (words.isEmpty()) {
            return Optional.empty();
        }
        String weights = model.id() + "@" + model.version() + "#" + model.card().path("weightsSha256").asText();
        return Optional.of(vocabularies.computeIfAbsent(weights, unused -> {
            List<String> vocabulary = new ArrayList<>();
            words.forEach(word -> vocabulary.add(word.asText()));
            return new PromptVocabulary(vocabulary);
        }));
    }

    public Optional<ServedModel> find(JobKind kind, String modelId) {
        return current(kind).stream().filter(model -> model.id().equals(modelId)).findFirst();
    }
}
