package io.pinxit.recording;

import io.pinxit.catalog.Artwork;
import io.pinxit.catalog.ArtworkCatalog;
import io.pinxit.catalog.ProvenanceRecord;
import io.pinxit.catalog.StoredImage;
import io.pinxit.catalog.Thumbnail;
import io.pinxit.catalog.ThumbnailRenderer;
import io.pinxit.contracts.ComputePlatform;
import io.pinxit.contracts.TimeOrderedIds;
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
 * The one way this worker records new artworks, whatever made them: screens each picture (its embedding and the
 * content policy's decision), signs its PNG, stores it and its thumbnail, and writes the artworks, their provenance
 * records (with their lineage and content checks) and their embeddings in one catalog transaction.
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
    private final ArtworkScreening screening;
    private final CancelledJobs cancelled;
    private final RecordingStages stages;

    ArtworkRecorder(ObjectStore store, ArtworkCatalog catalog, TimeOrderedIds ids, Clock clock,
                    @ConfigProperty(name = "quarkus.application.name") String service,
                    @ConfigProperty(name = "pinxit.worker.id") String workerId,
                    ArtworkSigning signing, ArtworkScreening screening, CancelledJobs cancelled,
                    RecordingStages stages) {
        this.store = store;
        this.catalog = catalog;
        this.ids = ids;
        this.clock = clock;
        this.service = service;
        this.workerId = workerId;
        this.signing = signing;
        this.screening = screening;
        this.cancelled = cancelled;
        this.stages = stages;
    }

    public void record(NewArtwork made) {
        recordAll(List.of(made));
    }

    /**
     * Records several new artworks as {@link #record} does each, with one pass of the classifier over their pictures
     * and one catalog transaction for all of them.
     */
    public void recordAll(List<NewArtwork> made) {
        made.forEach(artwork -> cancelled.checkpoint(artwork.jobId()));
        List<ArtworkScreening.Screened> screened = stages.time("screen",
                () -> screening.screenAll(made.stream().map(artwork -> artwork.picture().png()).toList()));
        List<ArtworkCatalog.NewRecord> records = new ArrayList<>(made.size());
        for (int i = 0; i < made.size(); i++) {
            records.add(stored(made.get(i), screened.get(i)));
        }
        made.forEach(artwork -> cancelled.checkpoint(artwork.jobId()));
        stages.recorded(stages.time("catalog", () -> catalog.recordAll(records)));
    }

    private ArtworkCatalog.NewRecord stored(NewArtwork made, ArtworkScreening.Screened screened) {
        UUID artworkId = ids.next();
        ModelCard card = made.model();
        var picture = made.picture();
        ComputePlatform platform = picture.madeOn();
        var signed = stages.time("sign", () -> signing.sign(artworkId, made, screened.check()));
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
                new Thumbnail(thumbnail.key(), rendered.width(), rendered.height()), made.authorship(), now,
                screened.check().decision());
        var provenance = new ProvenanceRecord(artworkId, made.jobId(), made.index(), made.authorship(),
                new ProvenanceRecord.ModelUsed(card.id(), card.version(), card.family(), card.weightsSha256()),
                made.parameters(),
                made.parents().stream().filter(NewArtwork.Parent::isArtwork)
                        .map(parent -> new ProvenanceRecord.Parent(parent.artworkId(), parent.relation())).toList(),
                stored.sha256(),
                new ProvenanceRecord.Producer(service, workerId, platform.device(), platform.libraries(), platform),
                made.credits(), now, screened.check());
        return new ArtworkCatalog.NewRecord(artwork, provenance, screened.embedding());
    }
}
