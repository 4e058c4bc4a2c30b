package io.pinxit.style;

import static io.pinxit.style.TestPictures.landscape;
import static io.pinxit.style.TestPictures.stored;
import static io.pinxit.style.TestPictures.stripes;
import static io.pinxit.style.TestPictures.upload;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pinxit.catalog.CatalogEntry;
import io.pinxit.catalog.ProvenanceRecord;
import io.pinxit.catalog.SavedStyle;
import io.pinxit.catalog.StyleLibrary;
import io.pinxit.catalog.StyleNetwork;
import io.pinxit.catalog.StyleNetworks;
import io.pinxit.contracts.JobState;
import io.pinxit.contracts.Sha256;
import io.pinxit.contracts.StyleCommand;
import io.pinxit.contracts.Visibility;
import io.pinxit.inference.ModelCard;
import io.pinxit.inference.ModelCatalog;
import io.pinxit.inference.ModelLoader;
import io.pinxit.inference.PngEncoding;
import io.pinxit.inference.style.FastStyle;
import io.pinxit.inference.style.FastStyleSchedule;
import io.pinxit.inference.style.FastStyleTraining;
import io.pinxit.inference.style.StyleProgress;
import io.pinxit.inference.style.TrainedFastStyle;
import io.pinxit.inference.style.TrainingPhotos;
import io.pinxit.infra.testing.LocalInfrastructureTestResource;
import io.pinxit.style.service.ShippedFastStyles;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Fast styles that come as model cards, offered in the style library: a card (with a tiny network trained here) is
 * put into the folder of {@code pinxit.style.fast-style-directory}, then the start-up offering runs again.
 */
@QuarkusTest
@WithTestResource(LocalInfrastructureTestResource.class)
class ShippedFastStylesTest extends StyleWorkerTestBase {

    private static final ModelCard.PaintedStyle STRIPES = new ModelCard.PaintedStyle("Stripes", "style.png", null,
            "Bea Example, 2026", "Stripes by Bea", "CC-BY-4.0");
    private static final ModelCard.DataSource PHOTOS = new ModelCard.DataSource("Test photos", "pinxit-tests", "1",
            "CC0-1.0", "Nobody in particular", "one landscape, drawn by the test");

    @ConfigProperty(name = "pinxit.style.fast-style-directory")
    Path folder;

    @Inject
    ShippedFastStyles shipped;

    @Inject
    StyleLibrary library;

    @Inject
    StyleNetworks networks;

    @AfterEach
    void emptyTheFolder() throws IOException {
        if (Files.exists(folder)) {
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    @Test
    void aFastStyleCardBecomesAPublicStyleOfPinxitWithItsNetworkOnceHoweverManyWorkersStart() throws IOException {
        byte[] stylePng = PngEncoding.encode(stripes(64));
        TrainedFastStyle network = tinyNetwork();
        ModelCard card = cardInFolder(stylePng, network);

        CompletableFuture.allOf(CompletableFuture.runAsync(shipped::offerAll),
                CompletableFuture.runAsync(shipped::offerAll)).join();

        SavedStyle style = library.find(ShippedFastStyles.styleIdOf(card)).orElseThrow();
        assertThat(style.name()).isEqualTo(card.style().name());
        assertThat(style.credit()).isEqualTo(new ProvenanceRecord.Credit("Stripes by Bea", "CC-BY-4.0",
                "Bea Example, 2026"));
        assertThat(style.visibility()).isEqualTo(Visibility.PUBLIC);
        assertThat(style.ownerId()).isEqualTo(ShippedFastStyles.PINXIT_OWNER);
        assertThat(style.ownerName()).isEqualTo("Pinxit");
        assertThat(style.image().sha256()).as("an upload is named by the bytes as they came")
                .isEqualTo(Sha256.hex(stylePng));
        byte[] storedPicture = stored(store, style.image().image().imageKey());
        assertThat(Sha256.hex(storedPicture)).isEqualTo(style.image().image().imageSha256());
        assertThat(ImageIO.read(new ByteArrayInputStream(storedPicture)).getWidth()).isEqualTo(64);

        StyleNetwork recorded = networks.find(ShippedFastStyles.networkIdOf(card)).orElseThrow();
        assertThat(recorded.styleId()).isEqualTo(style.id());
        assertThat(recorded.modelId()).isEqualTo(card.id());
        assertThat(recorded.jobId()).isNull();
        assertThat(recorded.weightsSha256()).isEqualTo(network.sha256());
        assertThat(stored(store, recorded.weightsKey())).isEqualTo(network.weights());
        assertThat(recorded.training()).extracting(StyleNetwork.Training::steps, StyleNetwork.Training::batchSize,
                StyleNetwork.Training::seed).containsExactly(1, 1, 9L);
        assertThat(recorded.trainedBy()).isEqualTo(card.training().command());
        assertThat(networks.newestOf(style.id())).contains(recorded);

        shipped.offerAll();

        assertThat(library.find(style.id())).as("offered once").contains(style);
        assertThat(networks.find(recorded.id())).contains(recorded);
    }

    @Test
    void aShippedNetworkPaintsAStyledArtworkWhoseProvenanceNamesItsCard() {
        ModelCard card = cardInFolder(PngEncoding.encode(stripes(64)), tinyNetwork());
        shipped.offerAll();
        SavedStyle style = library.find(ShippedFastStyles.styleIdOf(card)).orElseThrow();
        var credit = new StyleCommand.Credit(style.credit().source(), style.credit().licence(),
                style.credit().attribution());
        var command = StyleCommand.of(UUID.randomUUID(), StyleCommand.Input.ofUpload(upload(store, landscape(80, 80))),
                StyleCommand.Input.ofSavedStyle(style.id(), style.image().image(), credit), 1.0, false, 64, 1L,
                ADA, Instant.now()).withFastStyleNetwork(ShippedFastStyles.networkIdOf(card));

        kafka.send(command);

        UUID made = kafka.awaitEvent(command.jobId(), JobState.SUCCEEDED).artworkIds().get(0);
        CatalogEntry styled = catalog.find(made).orElseThrow();
        assertThat(styled.provenance().model()).isEqualTo(new ProvenanceRecord.ModelUsed(card.id(), card.version(),
                ModelCard.FAST_STYLE_FAMILY, card.weightsSha256()));
        assertThat(styled.provenance().credits()).containsExactly(
                new ProvenanceRecord.Credit("Stripes by Bea", "CC-BY-4.0", "Bea Example, 2026"),
                new ProvenanceRecord.Credit(PHOTOS.name(), PHOTOS.licence(), PHOTOS.attribution()));
    }

    /** One step on one crop of 32 pixels: a network that paints badly, and quickly. */
    private static TrainedFastStyle tinyNetwork() {
        var models = ModelCatalog.fromClasspath();
        try (var training = FastStyleTraining.load(new ModelLoader(models), models)) {
            return training.train(stripes(64), TrainingPhotos.of(List.of(landscape(64, 64))),
                    new FastStyleSchedule(1, 1, 32, 9L), StyleProgress.NONE);
        }
    }

    /** A fast style's card, weights and picture in the folder, laid out as the model catalog. */
    private ModelCard cardInFolder(byte[] stylePng, TrainedFastStyle network) {
        String id = "test-fast-style-" + UUID.randomUUID().toString().substring(0, 8);
        var painted = new ModelCard.PaintedStyle(STRIPES.name() + " " + id, STRIPES.file(), Sha256.hex(stylePng),
                STRIPES.attribution(), STRIPES.source(), STRIPES.licence());
        var card = new ModelCard(id, "0.1.0", ModelCard.FAST_STYLE_FAMILY, "djl-params", FastStyle.ARCHITECTURE, 0,
                0, 0, 0, id + ".params", network.sha256(), List.of(), 0, null, null, List.of(), List.of(), null, painted,
                List.of(PHOTOS), new ModelCard.Training("one step of a test", 9L, 1, 1, "adam", 0, null, 32,
                        network.styleLoss(), network.contentLoss()),
                "tests", null);
        try {
            Path model = Files.createDirectories(folder.resolve(id));
            Files.write(model.resolve(card.weightsFile()), network.weights());
            Files.write(model.resolve(painted.file()), stylePng);
            new ObjectMapper().writeValue(model.resolve("card.json").toFile(), card);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return card;
    }
}
