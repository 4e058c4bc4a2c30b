package io.pinxit.generation.service;

import io.pinxit.catalog.Artwork;
import io.pinxit.catalog.ArtworkCatalog;
import io.pinxit.catalog.ProvenanceRecord;
import io.pinxit.catalog.StoredImage;
import io.pinxit.catalog.Thumbnail;
import io.pinxit.catalog.ThumbnailRenderer;
import io.pinxit.contracts.TimeOrderedIds;
import io.pinxit.generation.config.WorkerConfig;
import io.pinxit.inference.DjlRuntime;
import io.pinxit.inference.ModelCard;
import io.pinxit.storage.ObjectStore;
import io.pinxit.storage.StoredObject;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * The one way this worker records a new artwork, whatever made it: signs its PNG, stores it and its thumbnail, and
 * writes the artwork, its provenance record (with its lineage) and its embedding in one catalog transaction.
 * Recording a job item that is recorded already changes nothing.
 */
@ApplicationScoped
public class ArtworkRecorder {

    private static final String SERVICE = "generation-service";

    private final ObjectStore store;
    private final ArtworkCatalog catalog;
    private final TimeOrderedIds ids;
    private final Clock clock;
    private final WorkerConfig worker;
    private final ArtworkSigning signing;
    private final ArtworkEmbeddings embeddings;
    private final DjlRuntime.RuntimeInfo runtime = DjlRuntime.info();

    ArtworkRecorder(ObjectStore store, ArtworkCatalog catalog, TimeOrderedIds ids, Clock clock, WorkerConfig worker,
                    ArtworkSigning signing, ArtworkEmbeddings embeddings) {
        this.store = store;
        this.catalog = catalog;
        this.ids = ids;
        this.clock = clock;
        this.worker = worker;
        this.signing = signing;
        this.embeddings = embeddings;
    }

    void record(NewArtwork made) {
        UUID artworkId = ids.next();
        ModelCard card = made.model();
        var picture = made.picture();
        var signed = signing.sign(artworkId, made);
        StoredObject stored = store.putContentAddressed(signed.bytes(), "image/png", "png");
        var rendered = ThumbnailRenderer.render(picture.png());
        StoredObject thumbnail = store.putContentAddressed(rendered.png(), "image/png", "png");
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        var artwork = new Artwork(artworkId, made.jobId(), made.index(), made.kind(), card.id(), card.version(),
                made.label(),
                new StoredImage(stored.key(), stored.sha256(), signed.strippedSha256(), stored.contentType(),
                        picture.width(), picture.height(), stored.size()),
                new Thumbnail(thumbnail.key(), rendered.width(), rendered.height()), made.authorship(), now);
        var provenance = new ProvenanceRecord(artworkId, made.jobId(), made.index(), made.authorship(),
                new ProvenanceRecord.ModelUsed(card.id(), card.version(), card.family(), card.weightsSha256()),
                made.parameters(),
                made.parents().stream()
                        .map(parent -> new ProvenanceRecord.Parent(parent.artworkId(), parent.relation())).toList(),
                stored.sha256(),
                new ProvenanceRecord.Producer(SERVICE, worker.id(), runtime.device(),
                        runtime.engine() + " " + runtime.engineVersion() + " via DJL"),
                made.credits(), now);
        catalog.record(artwork, provenance, embeddings.of(picture.png()));
    }
}
