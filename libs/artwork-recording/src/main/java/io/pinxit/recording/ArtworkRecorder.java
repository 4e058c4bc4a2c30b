package io.pinxit.recording;

import io.pinxit.catalog.Artwork;
import io.pinxit.catalog.ArtworkCatalog;
import io.pinxit.catalog.Embedding;
import io.pinxit.catalog.ProvenanceRecord;
import io.pinxit.catalog.StoredImage;
import io.pinxit.catalog.Thumbnail;
import io.pinxit.catalog.ThumbnailRenderer;
import io.pinxit.contracts.ComputePlatform;
import io.pinxit.contracts.TimeOrderedIds;
import io.pinxit.inference.DjlRuntime;
import io.pinxit.inference.ModelCard;
import io.pinxit.jobevents.CancelledJobs;
import io.pinxit.storage.ObjectStore;
import io.pinxit.storage.StoredObject;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The one way this worker records new artworks, whatever made them: signs each PNG, stores it and its thumbnail, and
 * writes the artworks, their provenance records (with their lineage) and their embeddings in one catalog transaction.
 * Recording a job item that is recorded already changes nothing; nothing is stored or written for a job once it is
 * cancelled (checked before the first write and again before the catalog's).
 */
@ApplicationScoped
public class ArtworkRecorder {

    private final ObjectStore store;
    private final ArtworkCatalog catalog;
    private final TimeOrderedIds ids;
    private final Clock clock;
    private final String service;
    private final String workerId;
    private final ArtworkSigning signing;
    private final ArtworkEmbeddings embeddings;
    private final CancelledJobs cancelled;
    private final RecordingStages stages;

    ArtworkRecorder(ObjectStore store, ArtworkCatalog catalog, TimeOrderedIds ids, Clock clock,
                    @ConfigProperty(name = "quarkus.application.name") String service,
                    @ConfigProperty(name = "pinxit.worker.id") String workerId,
                    ArtworkSigning signing, ArtworkEmbeddings embeddings, CancelledJobs cancelled,
                    RecordingStages stages) {
        this.store = store;
        this.catalog = catalog;
        this.ids = ids;
        this.clock = clock;
        this.service = service;
        this.workerId = workerId;
        this.signing = signing;
        this.embeddings = embeddings;
        this.cancelled = cancelled;
        this.stages = stages;
    }

    public void record(NewArtwork made) {
        recordAll(List.of(made));
    }

    /**
     * Records several new artworks as {@link #record} does each, with one pass of the embedder over their pictures and
     * one catalog transaction for all of them.
     */
    public void recordAll(List<NewArtwork> made) {
        made.forEach(artwork -> cancelled.checkpoint(artwork.jobId()));
        List<Stored> stored = made.stream().map(this::stored).toList();
        List<Embedding> embeddings = stages.time("embed",
                () -> this.embeddings.ofAll(made.stream().map(artwork -> artwork.picture().png()).toList()));
        made.forEach(artwork -> cancelled.checkpoint(artwork.jobId()));
        List<ArtworkCatalog.NewRecord> records = new ArrayList<>(stored.size());
        for (int i = 0; i < stored.size(); i++) {
            records.add(stored.get(i).withEmbedding(embeddings.get(i)));
        }
        stages.recorded(stages.time("catalog", () -> catalog.recordAll(records)));
    }

    /** An artwork whose picture and thumbnail are stored, with its records, waiting for its embedding. */
    private record Stored(Artwork artwork, ProvenanceRecord provenance) {

        ArtworkCatalog.NewRecord withEmbedding(Embedding embedding) {
            return new ArtworkCatalog.NewRecord(artwork, provenance, embedding);
        }
    }

    private Stored stored(NewArtwork made) {
        UUID artworkId = ids.next();
        ModelCard card = made.model();
        ComputePlatform platform = DjlRuntime.platform(card);
        var picture = made.picture();
        var signed = stages.time("sign", () -> signing.sign(artworkId, made));
        StoredObject stored = stages.time("store",
                () -> store.putContentAddressed(signed.bytes(), "image/png", "png"));
        var rendered = stages.time("thumbnail", () -> ThumbnailRenderer.render(picture.png()));
        StoredObject thumbnail = stages.time("store",
                () -> store.putContentAddressed(rendered.png(), "image/png", "png"));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        var artwork = new Artwork(artworkId, made.jobId(), made.index(), made.kind(), card.id(), card.version(),
                made.label(),
                new StoredImage(stored.key(), stored.sha256(), signed.strippedSha256(), stored.contentType(),
                        picture.width(), picture.height(), stored.size()),
                new Thumbnail(thumbnail.key(), rendered.width(), rendered.height()), made.authorship(), now);
        var provenance = new ProvenanceRecord(artworkId, made.jobId(), made.index(), made.authorship(),
                new ProvenanceRecord.ModelUsed(card.id(), card.version(), card.family(), card.weightsSha256()),
                made.parameters(),
                made.parents().stream().filter(NewArtwork.Parent::isArtwork)
                        .map(parent -> new ProvenanceRecord.Parent(parent.artworkId(), parent.relation())).toList(),
                stored.sha256(),
                new ProvenanceRecord.Producer(service, workerId, platform.device(), platform.libraries(), platform),
                made.credits(), now);
        return new Stored(artwork, provenance);
    }
}
