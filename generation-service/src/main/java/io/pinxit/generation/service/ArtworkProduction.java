package io.pinxit.generation.service;

import io.pinxit.catalog.Artwork;
import io.pinxit.catalog.ArtworkCatalog;
import io.pinxit.catalog.ArtworkKind;
import io.pinxit.catalog.ProvenanceRecord;
import io.pinxit.catalog.StoredImage;
import io.pinxit.catalog.Thumbnail;
import io.pinxit.catalog.ThumbnailRenderer;
import io.pinxit.contracts.GenerationCommand;
import io.pinxit.contracts.TimeOrderedIds;
import io.pinxit.generation.config.WorkerConfig;
import io.pinxit.inference.DjlRuntime;
import io.pinxit.inference.GeneratedImage;
import io.pinxit.inference.ImageGenerator;
import io.pinxit.inference.ModelCard;
import io.pinxit.storage.ObjectStore;
import io.pinxit.storage.StoredObject;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.Retry;

/**
 * Makes the artworks a generation command asks for and records them. Safe to repeat: a job whose artworks are
 * all recorded is not generated again, and each (job, item) is recorded at most once.
 */
@ApplicationScoped
public class ArtworkProduction {

    private static final String SERVICE = "generation-service";

    private final ServedGenerators generators;
    private final ObjectStore store;
    private final ArtworkCatalog catalog;
    private final TimeOrderedIds ids;
    private final Clock clock;
    private final WorkerConfig worker;
    private final ArtworkSigning signing;
    private final ArtworkEmbeddings embeddings;
    private final DjlRuntime.RuntimeInfo runtime = DjlRuntime.info();

    ArtworkProduction(ServedGenerators generators, ObjectStore store, ArtworkCatalog catalog, TimeOrderedIds ids,
                      Clock clock, WorkerConfig worker, ArtworkSigning signing, ArtworkEmbeddings embeddings) {
        this.generators = generators;
        this.store = store;
        this.catalog = catalog;
        this.ids = ids;
        this.clock = clock;
        this.worker = worker;
        this.signing = signing;
        this.embeddings = embeddings;
    }

    @Retry(maxRetries = 2, delay = 500, abortOn = UnknownModelException.class)
    public List<UUID> produce(GenerationCommand command) {
        List<UUID> recorded = catalog.artworkIdsOfJob(command.jobId());
        if (recorded.size() == command.count()) {
            return recorded;
        }
        ImageGenerator generator = generators.find(command.model())
                .orElseThrow(() -> new UnknownModelException(command.model()));
        for (GeneratedImage image : generator.generate(command.seed(), command.count())) {
            record(command, generator.card(), image);
        }
        return catalog.artworkIdsOfJob(command.jobId());
    }

    private void record(GenerationCommand command, ModelCard card, GeneratedImage image) {
        UUID artworkId = ids.next();
        var signed = signing.sign(image.png(), artworkId, image.index(), command, card);
        StoredObject stored = store.putContentAddressed(signed.bytes(), "image/png", "png");
        var rendered = ThumbnailRenderer.render(image.png());
        StoredObject thumbnail = store.putContentAddressed(rendered.png(), "image/png", "png");
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        var artwork = new Artwork(artworkId, command.jobId(), image.index(), ArtworkKind.GENERATED, card.id(),
                card.version(), null, new StoredImage(stored.key(), stored.sha256(), signed.strippedSha256(),
                stored.contentType(), image.width(), image.height(), stored.size()),
                new Thumbnail(thumbnail.key(), rendered.width(), rendered.height()), command.authorship(), now);
        var provenance = new ProvenanceRecord(artwork.id(), command.jobId(), image.index(), command.authorship(),
                new ProvenanceRecord.ModelUsed(card.id(), card.version(), card.family(), card.weightsSha256()),
                Map.of("seed", command.seed(), "count", command.count()), List.of(),
                stored.sha256(),
                new ProvenanceRecord.Producer(SERVICE, worker.id(), runtime.device(),
                        runtime.engine() + " " + runtime.engineVersion() + " via DJL"),
                card.dataSources().stream().map(source -> new ProvenanceRecord.Credit(source.name(),
                        source.licence(), source.attribution())).toList(),
                now);
        catalog.record(artwork, provenance, embeddings.of(image.png()));
    }
}
