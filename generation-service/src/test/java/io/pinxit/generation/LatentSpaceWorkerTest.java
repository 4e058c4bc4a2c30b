package io.pinxit.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pinxit.catalog.ArtworkCatalog;
import io.pinxit.catalog.ArtworkKind;
import io.pinxit.catalog.CatalogEntry;
import io.pinxit.catalog.ProvenanceRecord;
import io.pinxit.catalog.Relation;
import io.pinxit.contracts.Authorship;
import io.pinxit.contracts.GenerationCommand;
import io.pinxit.contracts.InterpolationCommand;
import io.pinxit.contracts.InterpolationCommand.Endpoint;
import io.pinxit.contracts.JobEvent;
import io.pinxit.contracts.JobKind;
import io.pinxit.contracts.JobState;
import io.pinxit.contracts.Visibility;
import io.pinxit.infra.testing.LocalInfrastructureTestResource;
import io.pinxit.provenance.C2paPng;
import io.pinxit.provenance.ManifestContent;
import io.pinxit.provenance.SigningCredentials;
import io.pinxit.provenance.Verification;
import io.pinxit.storage.ObjectStore;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The shipped VAE's latent space: variations of an artwork, and interpolations animated as APNG. */
@QuarkusTest
@WithTestResource(LocalInfrastructureTestResource.class)
class LatentSpaceWorkerTest {

    private static final String VAE = "emoji-vae";
    private static final Authorship ADA = new Authorship(UUID.randomUUID(), "ada", "Cat", null, "CC-BY-4.0",
            Visibility.PUBLIC);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ArtworkCatalog catalog;

    @Inject
    ObjectStore store;

    @Inject
    SigningCredentials signing;

    private WorkerTopics topics;

    @BeforeEach
    void connect() {
        topics = new WorkerTopics(bootstrapServers);
    }

    @AfterEach
    void disconnect() {
        topics.close();
    }

    @Test
    void variationsAreSignedChildrenOfTheirArtworkThatStrayMoreWithMoreStrength() throws Exception {
        UUID parentId = generated(VAE, "animals-nature", 5L);
        CatalogEntry parent = catalog.find(parentId).orElseThrow();
        BufferedImage original = picture(parent);

        var near = variations(parentId, 0.1);
        var far = variations(parentId, 1.0);

        for (CatalogEntry variation : near) {
            assertThat(variation.artwork().kind()).isEqualTo(ArtworkKind.VARIATION);
            assertThat(variation.artwork().label()).isEqualTo("animals-nature");
            assertThat(variation.provenance().parents()).containsExactly(
                    new ProvenanceRecord.Parent(parentId, Relation.VARIATION));
            assertThat(variation.provenance().parameters()).containsEntry("variationOf", parentId.toString())
                    .containsEntry("strength", 0.1);
            assertThat(variation.provenance().credits()).containsExactlyElementsOf(parent.provenance().credits());
        }
        double nearDistance = meanDistance(original, near);
        double farDistance = meanDistance(original, far);
        assertThat(nearDistance).as("strength 0.1 stays closer than strength 1").isLessThan(farDistance);
        assertThat(picture(near.get(0))).as("a variation is not a copy").satisfies(
                variation -> assertThat(distance(original, variation)).isPositive());

        Verification manifest = C2paPng.verify(read(near.get(0).artwork().image().key()),
                List.of(signing.chain().get(1)));
        assertThat(manifest.valid()).as("%s", manifest.problems()).isTrue();
        assertThat(manifest.content().orElseThrow().ingredients()).singleElement()
                .satisfies(ingredient -> assertThat(ingredient.relationship())
                        .isEqualTo(ManifestContent.Relationship.PARENT_OF));
    }

    @Test
    void aGanCannotVaryAnArtworkAndTheJobFailsWithoutRecording() {
        UUID parentId = generated("emoji-dcgan", null, 6L);
        var command = GenerationCommand.of(UUID.randomUUID(), "emoji-dcgan", 2, 1L, ADA, Instant.now())
                .withVariationOf(parentId, 0.5);

        topics.send(command);

        JobEvent failed = topics.awaitEvent(command.jobId(), JobState.FAILED);
        assertThat(failed.failure().detail()).contains("only a VAE");
        assertThat(catalog.artworkIdsOfJob(command.jobId())).isEmpty();
    }

    @Test
    void anInterpolationRecordsItsFramesThenALoopingAnimatedPngMadeOfThem() throws Exception {
        UUID start = generated(VAE, "smileys-emotion", 7L);
        var command = InterpolationCommand.of(UUID.randomUUID(), VAE, Endpoint.ofArtwork(start),
                Endpoint.ofSeed(8L, "food-drink"), 5, 200, ADA, Instant.now());

        topics.send(command);

        JobEvent succeeded = topics.awaitEvent(command.jobId(), JobState.SUCCEEDED);
        assertThat(succeeded.kind()).isEqualTo(JobKind.INTERPOLATION);
        assertThat(succeeded.artworkIds()).hasSize(6);
        List<CatalogEntry> frames = new ArrayList<>();
        for (UUID frameId : succeeded.artworkIds().subList(0, 5)) {
            CatalogEntry frame = catalog.find(frameId).orElseThrow();
            assertThat(frame.artwork().kind()).isEqualTo(ArtworkKind.FRAME);
            assertThat(frame.provenance().parents()).containsExactly(
                    new ProvenanceRecord.Parent(start, Relation.ENDPOINT));
            frames.add(frame);
        }
        assertThat(frames.get(0).provenance().parameters()).containsEntry("frame", 0).containsEntry("frames", 5);
        assertThat(distance(picture(frames.get(0)), picture(catalog.find(start).orElseThrow())))
                .as("the first frame is the start artwork, re-decoded")
                .isLessThan(distance(picture(frames.get(4)), picture(catalog.find(start).orElseThrow())));

        CatalogEntry animation = catalog.find(succeeded.artworkIds().get(5)).orElseThrow();
        assertThat(animation.artwork().kind()).isEqualTo(ArtworkKind.ANIMATION);
        assertThat(animation.provenance().parents()).extracting(ProvenanceRecord.Parent::relation)
                .containsOnly(Relation.FRAME).hasSize(5);
        byte[] apng = read(animation.artwork().image().key());
        String chunks = new String(apng, StandardCharsets.ISO_8859_1);
        assertThat(chunks).contains("acTL", "fcTL", "fdAT");
        assertThat(ImageIO.read(new ByteArrayInputStream(apng)).getWidth())
                .as("viewers without animation show the first frame").isEqualTo(32);
        Verification manifest = C2paPng.verify(apng, List.of(signing.chain().get(1)));
        assertThat(manifest.valid()).as("%s", manifest.problems()).isTrue();
        assertThat(manifest.content().orElseThrow().ingredients()).hasSize(5)
                .allSatisfy(ingredient -> assertThat(ingredient.relationship())
                        .isEqualTo(ManifestContent.Relationship.COMPONENT_OF));

        topics.send(command);
        await().until(() -> topics.eventsOf(command.jobId()).stream()
                .filter(event -> event.state() == JobState.SUCCEEDED).count() == 2);
        assertThat(catalog.artworkIdsOfJob(command.jobId())).as("a redelivery records nothing new")
                .isEqualTo(succeeded.artworkIds());
    }

    @Test
    void anInterpolationFromAnotherModelsArtworkFailsAndRecordsNothing() {
        UUID ganPicture = generated("emoji-dcgan", null, 9L);
        var command = InterpolationCommand.of(UUID.randomUUID(), VAE, Endpoint.ofArtwork(ganPicture),
                Endpoint.ofSeed(1L, "flags"), 3, 100, ADA, Instant.now());

        topics.send(command);

        JobEvent failed = topics.awaitEvent(command.jobId(), JobState.FAILED);
        assertThat(failed.failure().type()).isEqualTo("urn:pinxit:problem:interpolation-failed");
        assertThat(failed.failure().detail()).contains("made by model 'emoji-dcgan'");
        assertThat(catalog.artworkIdsOfJob(command.jobId())).isEmpty();
    }

    private List<CatalogEntry> variations(UUID parentId, double strength) {
        var command = GenerationCommand.of(UUID.randomUUID(), VAE, 3, 42L, ADA, Instant.now())
                .withVariationOf(parentId, strength);
        topics.send(command);
        return topics.awaitEvent(command.jobId(), JobState.SUCCEEDED).artworkIds().stream()
                .map(id -> catalog.find(id).orElseThrow()).toList();
    }

    private UUID generated(String model, String label, long seed) {
        var command = GenerationCommand.of(UUID.randomUUID(), model, 1, seed, ADA, Instant.now()).withLabel(label);
        topics.send(command);
        return topics.awaitEvent(command.jobId(), JobState.SUCCEEDED).artworkIds().get(0);
    }

    private double meanDistance(BufferedImage original, List<CatalogEntry> others) throws IOException {
        double sum = 0;
        for (CatalogEntry other : others) {
            sum += distance(original, picture(other));
        }
        return sum / others.size();
    }

    /** Mean absolute difference per colour channel, 0–255. */
    private static double distance(BufferedImage a, BufferedImage b) {
        long sum = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                for (int shift = 0; shift <= 16; shift += 8) {
                    sum += Math.abs(((p >> shift) & 0xff) - ((q >> shift) & 0xff));
                }
            }
        }
        return sum / (3.0 * a.getWidth() * a.getHeight());
    }

    private BufferedImage picture(CatalogEntry entry) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(read(entry.artwork().image().key())));
    }

    private byte[] read(String key) throws IOException {
        try (InputStream stored = store.open(key)) {
            return stored.readAllBytes();
        }
    }
}
