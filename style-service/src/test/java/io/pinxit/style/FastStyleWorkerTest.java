package io.pinxit.style;

import static io.pinxit.style.TestPictures.landscape;
import static io.pinxit.style.TestPictures.stored;
import static io.pinxit.style.TestPictures.stripes;
import static io.pinxit.style.TestPictures.upload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pinxit.catalog.ArtworkKind;
import io.pinxit.catalog.CatalogEntry;
import io.pinxit.catalog.ProvenanceRecord;
import io.pinxit.catalog.SavedStyle;
import io.pinxit.catalog.StyleLibrary;
import io.pinxit.catalog.StyleNetwork;
import io.pinxit.catalog.StyleNetworks;
import io.pinxit.catalog.Upload;
import io.pinxit.catalog.Uploads;
import io.pinxit.contracts.JobEvent;
import io.pinxit.contracts.JobKind;
import io.pinxit.contracts.JobState;
import io.pinxit.contracts.Sha256;
import io.pinxit.contracts.StyleCommand;
import io.pinxit.contracts.StyleTrainingCommand;
import io.pinxit.contracts.UploadedImage;
import io.pinxit.contracts.Visibility;
import io.pinxit.inference.style.FastStyle;
import io.pinxit.infra.testing.LocalInfrastructureTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Instant;
import java.util.UUID;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

/**
 * Style training commands and fast style transfers against the real broker, database and store: saved styles learned
 * into tiny networks (the test profile trains on crops of 32 pixels, one per step), which then paint in one pass.
 */
@QuarkusTest
@WithTestResource(LocalInfrastructureTestResource.class)
class FastStyleWorkerTest extends StyleWorkerTestBase {

    private static final ProvenanceRecord.Credit STRIPES_CREDIT = new ProvenanceRecord.Credit("Stripes by Bea",
            "CC-BY-4.0", "Bea Example, 2026");

    @Inject
    Uploads uploads;

    @Inject
    StyleLibrary library;

    @Inject
    StyleNetworks networks;


    @Test
    void aTrainingJobLearnsTheStyleIntoANetworkWhoseWeightsAreStored() throws IOException {
        SavedStyle style = savedStyle();
        var command = StyleTrainingCommand.of(UUID.randomUUID(), style.id(), style.image().image(), 3, 11L,
                ADA.authorId(), Instant.now());

        kafka.send(command);

        JobEvent succeeded = kafka.awaitEvent(command.jobId(), JobState.SUCCEEDED);
        assertThat(succeeded.kind()).isEqualTo(JobKind.STYLE_TRAINING);
        assertThat(succeeded.artworkIds()).as("a network is no artwork").isEmpty();
        assertThat(kafka.eventsOf(command.jobId())).filteredOn(event -> event.progress() != null)
                .as("the last step's preview of a photo painted by the network")
                .anySatisfy(event -> {
                    assertThat(event.progress().iteration()).isEqualTo(3);
                    assertThat(event.progress().total()).isEqualTo(3);
                    assertThat(event.progress().preview()).isNotBlank();
                });
        StyleNetwork network = networks.ofJob(command.jobId()).orElseThrow();
        assertThat(network.styleId()).isEqualTo(style.id());
        assertThat(network.isShipped()).isFalse();
        assertThat(network.training()).extracting(StyleNetwork.Training::steps, StyleNetwork.Training::batchSize,
                StyleNetwork.Training::cropSize, StyleNetwork.Training::seed).containsExactly(3, 1, 32, 11L);
        assertThat(network.trainedBy()).startsWith("style-");
        byte[] weights = stored(store, network.weightsKey());
        assertThat(Sha256.hex(weights)).isEqualTo(network.weightsSha256());
        assertThat(network.weightsKey()).endsWith(network.weightsSha256() + ".params");
        try (FastStyle readBack = FastStyle.read(weights)) {
            assertThat(readBack).isNotNull();
        }
    }

    @Test
    void aTrainingJobDeliveredAgainIsNotTrainedAgain() {
        SavedStyle style = savedStyle();
        var command = StyleTrainingCommand.of(UUID.randomUUID(), style.id(), style.image().image(), 2, 5L,
                ADA.authorId(), Instant.now());
        kafka.send(command);
        kafka.awaitEvent(command.jobId(), JobState.SUCCEEDED);
        long progressReports = kafka.eventsOf(command.jobId()).stream().filter(event -> event.progress() != null)
                .count();
        StyleNetwork network = networks.ofJob(command.jobId()).orElseThrow();

        kafka.send(command);

        kafka.awaitEvents(command.jobId(), JobState.SUCCEEDED, 2);
        assertThat(kafka.eventsOf(command.jobId()).stream().filter(event -> event.progress() != null).count())
                .as("no step was taken again").isEqualTo(progressReports).isPositive();
        assertThat(networks.ofJob(command.jobId())).contains(network);
    }

    @Test
    void aTrainingJobForAStyleThatIsNotInTheLibraryFailsAndRecordsNothing() {
        UUID missing = UUID.randomUUID();
        var command = StyleTrainingCommand.of(UUID.randomUUID(), missing, upload(store, stripes(32)), 2, 1L,
                ADA.authorId(), Instant.now());

        kafka.send(command);

        JobEvent failed = kafka.awaitEvent(command.jobId(), JobState.FAILED);
        assertThat(failed.kind()).isEqualTo(JobKind.STYLE_TRAINING);
        assertThat(failed.failure().type()).isEqualTo("urn:pinxit:problem:style-not-found");
        assertThat(failed.failure().detail()).contains(missing.toString());
        assertThat(networks.ofJob(command.jobId())).isEmpty();
    }

    @Test
    void aTrainingJobWhoseStylePictureIsNotStoredFailsAndRecordsNothing() {
        SavedStyle style = savedStyle();
        UploadedImage picture = style.image().image();
        String missingKey = "sha256/00/" + "0".repeat(64) + ".png";
        var command = StyleTrainingCommand.of(UUID.randomUUID(), style.id(), new UploadedImage(picture.sha256(),
                missingKey, picture.imageSha256(), picture.width(), picture.height()), 2, 1L, ADA.authorId(),
                Instant.now());

        kafka.send(command);

        JobEvent failed = kafka.awaitEvent(command.jobId(), JobState.FAILED);
        assertThat(failed.failure().type()).isEqualTo("urn:pinxit:problem:style-picture-not-found");
        assertThat(failed.failure().detail()).contains(missingKey);
        assertThat(networks.ofJob(command.jobId())).isEmpty();
    }

    @Test
    void aTrainedNetworkPaintsAStyledArtworkWhoseProvenanceNamesTheNetworkAndOwesTheStylesCredit()
            throws IOException {
        SavedStyle style = savedStyle();
        StyleNetwork network = trained(style);
        UploadedImage content = upload(store, landscape(120, 80));
        var command = transfer(content, style).withFastStyleNetwork(network.id());

        kafka.send(command);

        JobEvent succeeded = kafka.awaitEvent(command.jobId(), JobState.SUCCEEDED);
        assertThat(kafka.eventsOf(command.jobId())).filteredOn(event -> event.progress() != null)
                .anySatisfy(event -> {
                    assertThat(event.progress().iteration()).isEqualTo(1);
                    assertThat(event.progress().total()).isEqualTo(1);
                    assertThat(event.progress().preview()).isNotBlank();
                });
        CatalogEntry styled = catalog.find(succeeded.artworkIds().get(0)).orElseThrow();
        assertThat(styled.artwork().kind()).isEqualTo(ArtworkKind.STYLED);
        assertThat(styled.artwork().image().width()).isEqualTo(96);
        assertThat(styled.artwork().image().height()).isEqualTo(64);
        assertThat(styled.provenance().model()).isEqualTo(new ProvenanceRecord.ModelUsed(
                "fast-style-" + network.id(), "1", "fast-style", network.weightsSha256()));
        assertThat(styled.provenance().parameters())
                .containsEntry("method", "fast style network " + network.id())
                .containsEntry("strength", 0.8)
                .doesNotContainKeys("seed", "iterations");
        assertThat(styled.provenance().parameters().get("network")).asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsEntry("id", network.id().toString())
                .containsEntry("trainingJobId", network.jobId().toString())
                .containsEntry("weightsSha256", network.weightsSha256());
        assertThat(styled.provenance().credits()).as("the saved style's, then the feature network's data's")
                .startsWith(STRIPES_CREDIT)
                .anySatisfy(credit -> assertThat(credit.source()).isEqualTo("NSFWJS MobileNet v2"));

        validManifestOf(styled.artwork().image().key());
    }

    @Test
    void aFastStyleTransferWithANetworkThatDoesNotExistFailsAndRecordsNothing() {
        SavedStyle style = savedStyle();
        UUID missing = UUID.randomUUID();
        var command = transfer(upload(store, landscape(64, 64)), style).withFastStyleNetwork(missing);

        kafka.send(command);

        JobEvent failed = kafka.awaitEvent(command.jobId(), JobState.FAILED);
        assertThat(failed.failure().type()).isEqualTo("urn:pinxit:problem:style-network-not-found");
        assertThat(failed.failure().detail()).contains(missing.toString());
        assertThat(catalog.artworkIdsOfJob(command.jobId())).isEmpty();
    }

    @Test
    void anOptimisedTransferTakesItsTurnBetweenTheStepsOfATraining() {
        SavedStyle style = savedStyle();
        var training = StyleTrainingCommand.of(UUID.randomUUID(), style.id(), style.image().image(), 80, 2L,
                ADA.authorId(), Instant.now());
        var optimised = transfer(upload(store, landscape(256, 256)), style, 256);

        kafka.send(training);
        await().atMost(WorkerKafka.PATIENCE).until(() -> kafka.eventsOf(training.jobId()).stream()
                .anyMatch(event -> event.progress() != null));
        kafka.send(optimised);

        Instant transferred = kafka.awaitEvent(optimised.jobId(), JobState.SUCCEEDED).occurredAt();
        Instant trained = kafka.awaitEvent(training.jobId(), JobState.SUCCEEDED).occurredAt();
        assertThat(transferred).as("the training paused for the transfer").isBefore(trained);
    }

    @Test
    void aTrainingCancelledWhileItRunsStopsAtItsNextStepAndStoresNoNetwork() {
        SavedStyle style = savedStyle();
        int steps = 5000;
        var cancelled = StyleTrainingCommand.of(UUID.randomUUID(), style.id(), style.image().image(), steps, 4L,
                ADA.authorId(), Instant.now());
        var next = StyleTrainingCommand.of(UUID.randomUUID(), style.id(), style.image().image(), 2, 4L,
                ADA.authorId(), Instant.now());
        kafka.send(cancelled);
        await().atMost(WorkerKafka.PATIENCE).until(() -> kafka.eventsOf(cancelled.jobId()).stream()
                .anyMatch(event -> event.progress() != null));

        kafka.cancel(cancelled.jobId(), JobKind.STYLE_TRAINING);
        kafka.send(next);

        kafka.awaitEvent(next.jobId(), JobState.SUCCEEDED);
        assertThat(kafka.eventsOf(cancelled.jobId())).as("the gateway holds it as cancelled: nothing more to say")
                .allSatisfy(event -> assertThat(event.state()).isEqualTo(JobState.RUNNING))
                .filteredOn(event -> event.progress() != null)
                .allSatisfy(event -> assertThat(event.progress().iteration()).isLessThan(steps));
        assertThat(networks.ofJob(cancelled.jobId())).isEmpty();
    }

    /** A style saved to the library as the gateway saves one: its picture an upload, recorded. */
    private SavedStyle savedStyle() {
        UploadedImage picture = upload(store, stripes(64));
        Upload recorded = uploads.record(new Upload(picture, Upload.ImageFormat.PNG, 1234, picture.width(),
                picture.height(), 1, Instant.now()));
        return library.save(new SavedStyle(UUID.randomUUID(), "Stripes " + UUID.randomUUID(), STRIPES_CREDIT,
                recorded, Visibility.PUBLIC, ADA.authorId(), ADA.authorName(), Instant.now()));
    }

    private StyleNetwork trained(SavedStyle style) {
        var command = StyleTrainingCommand.of(UUID.randomUUID(), style.id(), style.image().image(), 2, 3L,
                ADA.authorId(), Instant.now());
        kafka.send(command);
        kafka.awaitEvent(command.jobId(), JobState.SUCCEEDED);
        return networks.ofJob(command.jobId()).orElseThrow();
    }

    private static StyleCommand transfer(UploadedImage content, SavedStyle style) {
        return transfer(content, style, 96);
    }

    private static StyleCommand transfer(UploadedImage content, SavedStyle style, int size) {
        var credit = new StyleCommand.Credit(style.credit().source(), style.credit().licence(),
                style.credit().attribution());
        return StyleCommand.of(UUID.randomUUID(), StyleCommand.Input.ofUpload(content),
                StyleCommand.Input.ofSavedStyle(style.id(), style.image().image(), credit), 0.8, false, size, 7L, ADA,
                Instant.now());
    }
}
