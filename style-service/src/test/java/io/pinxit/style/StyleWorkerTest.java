package io.pinxit.style;

import static io.pinxit.style.TestPictures.landscape;
import static io.pinxit.style.TestPictures.stripes;
import static io.pinxit.style.TestPictures.upload;
import static org.assertj.core.api.Assertions.assertThat;

import io.pinxit.catalog.ArtworkKind;
import io.pinxit.catalog.CatalogEntry;
import io.pinxit.catalog.Lineage;
import io.pinxit.catalog.ProvenanceRecord;
import io.pinxit.catalog.Relation;
import io.pinxit.contracts.JobEvent;
import io.pinxit.contracts.JobKind;
import io.pinxit.contracts.JobState;
import io.pinxit.contracts.StyleCommand;
import io.pinxit.contracts.UploadedImage;
import io.pinxit.inference.DjlRuntime;
import io.pinxit.inference.ModelCatalog;
import io.pinxit.inference.PngEncoding;
import io.pinxit.infra.testing.LocalInfrastructureTestResource;
import io.pinxit.provenance.ManifestContent;
import io.pinxit.recording.ArtworkRecorder;
import io.pinxit.recording.NewArtwork;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Style commands against the real broker, database and store, run by the shipped neural style transfer. */
@QuarkusTest
@WithTestResource(LocalInfrastructureTestResource.class)
class StyleWorkerTest extends StyleWorkerTestBase {

    private static final StyleCommand.Credit STRIPES_CREDIT = new StyleCommand.Credit("Stripes by Bea",
            "CC-BY-4.0", "Bea Example, 2026");

    @Inject
    ArtworkRecorder recorder;

    @Test
    void anUploadInTheStyleOfASavedStyleBecomesASignedStyledArtworkThatOwesTheStylesCredit() throws IOException {
        UploadedImage content = upload(store, landscape(120, 80));
        UploadedImage stripes = upload(store, stripes(64));
        var command = StyleCommand.of(UUID.randomUUID(), StyleCommand.Input.ofUpload(content),
                StyleCommand.Input.ofSavedStyle(UUID.randomUUID(), stripes, STRIPES_CREDIT), 0.8, false, 96, 7L, ADA,
                Instant.now());

        kafka.send(command);

        JobEvent succeeded = kafka.awaitEvent(command.jobId(), JobState.SUCCEEDED);
        assertThat(succeeded.kind()).isEqualTo(JobKind.STYLE_TRANSFER);
        assertThat(kafka.eventsOf(command.jobId())).filteredOn(event -> event.progress() != null)
                .as("progress while the picture forms, with a preview")
                .allSatisfy(event -> {
                    assertThat(event.state()).isEqualTo(JobState.RUNNING);
                    assertThat(event.progress().iteration()).isPositive().isLessThanOrEqualTo(event.progress().total());
                })
                .anySatisfy(event -> assertThat(event.progress().preview()).isNotBlank());
        CatalogEntry styled = catalog.find(succeeded.artworkIds().get(0)).orElseThrow();
        assertThat(styled.artwork().kind()).isEqualTo(ArtworkKind.STYLED);
        assertThat(styled.artwork().image().width()).isEqualTo(96);
        assertThat(styled.artwork().image().height()).isEqualTo(64);
        assertThat(styled.provenance().model().id()).isEqualTo("nsfwjs-mobilenet-v2");
        assertThat(styled.provenance().parents()).as("uploads are no artworks: no lineage edges").isEmpty();
        assertThat(styled.provenance().parameters()).containsEntry("strength", 0.8).containsEntry("seed", 7)
                .containsEntry("content", Map.of("uploadSha256", content.sha256(), "imageSha256",
                        content.imageSha256()));
        assertThat(styled.provenance().credits()).contains(new ProvenanceRecord.Credit(STRIPES_CREDIT.source(),
                STRIPES_CREDIT.licence(), STRIPES_CREDIT.attribution()));

        ManifestContent written = validManifestOf(styled.artwork().image().key()).content().orElseThrow();
        assertThat(written.ingredients()).extracting(ManifestContent.Ingredient::relationship)
                .containsExactly(ManifestContent.Relationship.PARENT_OF, ManifestContent.Relationship.INPUT_TO);
        assertThat(written.credits()).extracting(ManifestContent.Credit::creator).contains("Bea Example, 2026");
    }

    @Test
    void twoArtworksMakeAStyledChildOfBothInTheLineage() {
        UUID content = recorded(landscape(64, 64));
        UUID style = recorded(stripes(64));
        var command = StyleCommand.of(UUID.randomUUID(), StyleCommand.Input.ofArtwork(content),
                StyleCommand.Input.ofArtwork(style), 1.0, true, 64, 3L, ADA, Instant.now());

        kafka.send(command);

        UUID styled = kafka.awaitEvent(command.jobId(), JobState.SUCCEEDED).artworkIds().get(0);
        assertThat(catalog.lineage(styled, 1).ancestors()).containsExactlyInAnyOrder(
                new Lineage.Edge(content, styled, Relation.CONTENT, 1),
                new Lineage.Edge(style, styled, Relation.STYLE, 1));
        assertThat(catalog.find(styled).orElseThrow().provenance().parameters()).containsEntry("preserveColor", true);

        kafka.send(command);
        kafka.awaitEvents(command.jobId(), JobState.SUCCEEDED, 2);
        assertThat(catalog.artworkIdsOfJob(command.jobId())).as("a redelivery records nothing new")
                .containsExactly(styled);
    }

    @Test
    void anInputArtworkThatDoesNotExistFailsTheJobAndRecordsNothing() {
        UUID missing = UUID.randomUUID();
        var command = StyleCommand.of(UUID.randomUUID(), StyleCommand.Input.ofArtwork(missing),
                StyleCommand.Input.ofUpload(upload(store, stripes(32))), 1.0, false, 64, 1L, ADA, Instant.now());

        kafka.send(command);

        JobEvent failed = kafka.awaitEvent(command.jobId(), JobState.FAILED);
        assertThat(failed.failure().type()).isEqualTo("urn:pinxit:problem:artwork-not-found");
        assertThat(failed.failure().detail()).contains(missing.toString());
        assertThat(catalog.artworkIdsOfJob(command.jobId())).isEmpty();
    }

    private UUID recorded(BufferedImage picture) {
        var card = ModelCatalog.fromClasspath().find("emoji-dcgan").orElseThrow();
        UUID jobId = UUID.randomUUID();
        recorder.record(new NewArtwork(jobId, 0, ArtworkKind.GENERATED, ADA, "input", card, null, Map.of("seed", 1),
                new NewArtwork.Picture(PngEncoding.encode(picture), picture.getWidth(), picture.getHeight(),
                        DjlRuntime.platform(card, DjlRuntime.device())),
                List.of(), NewArtwork.creditsOf(card)));
        return catalog.artworkIdsOfJob(jobId).get(0);
    }
}
