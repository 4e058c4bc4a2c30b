package io.pinxit.inference.style;

import static io.pinxit.inference.style.SamplePictures.house;
import static io.pinxit.inference.style.SamplePictures.meanChroma;
import static io.pinxit.inference.style.SamplePictures.pixels;
import static io.pinxit.inference.style.SamplePictures.stripes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import io.pinxit.inference.DjlRuntime;
import io.pinxit.inference.KernelSensitive;
import io.pinxit.inference.ModelCard;
import io.pinxit.inference.ModelCatalog;
import io.pinxit.inference.ModelLoadException;
import io.pinxit.inference.ModelLoader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Trains real (tiny) fast style networks on made-up photos with the shipped feature network; seconds each. */
@KernelSensitive
@Tag("training")
class FastStyleTest {

    private static final TrainingPhotos PHOTOS = TrainingPhotos.of(List.of(house(96, 64), house(64, 80), house(72, 72)));
    private static final FastStyleSchedule TINY = new FastStyleSchedule(40, 2, 32, 11);
    private static final StyleOptions AT_64 = StyleOptions.defaults().withSize(64).withStrength(1);

    private static FastStyleTraining training;
    private static TrainedFastStyle trained;

    @BeforeAll
    static void trainATinyNetwork() {
        training = FastStyleTraining.load(new ModelLoader(ModelCatalog.fromClasspath()), ModelCatalog.fromClasspath());
        trained = training.train(stripes(64, 64), PHOTOS, TINY, StyleProgress.NONE);
    }

    @AfterAll
    static void close() {
        training.close();
    }

    @Test
    void trainingMovesThePaintingsTowardsTheStyleInTheFeatureNetworksEyes() {
        TrainedFastStyle untrained = training.train(stripes(64, 64), PHOTOS, TINY.withSteps(1), StyleProgress.NONE);

        double before = styleDistance(untrained, house(64, 64));
        double after = styleDistance(trained, house(64, 64));

        assertThat(after).isLessThan(before * 0.8);
        assertThat(trained.styleLoss()).isLessThan(untrained.styleLoss());
    }

    @Test
    void theSameScheduleGivesTheSameWeightsAndAnotherSeedOthers() {
        FastStyleSchedule short12 = TINY.withSteps(3);
        TrainedFastStyle first = training.train(stripes(64, 64), PHOTOS, short12, StyleProgress.NONE);
        TrainedFastStyle again = training.train(stripes(64, 64), PHOTOS, short12, StyleProgress.NONE);
        TrainedFastStyle otherSeed = training.train(stripes(64, 64), PHOTOS, short12.withSeed(12), StyleProgress.NONE);

        assertThat(again.sha256()).isEqualTo(first.sha256());
        assertThat(otherSeed.sha256()).isNotEqualTo(first.sha256());
    }

    @Test
    void trainingReportsEveryStepAndAPreviewOfTheFirstPhotoAtTheEnd() {
        List<Integer> steps = new ArrayList<>();
        List<BufferedImage> previews = new ArrayList<>();
        training.train(stripes(64, 64), PHOTOS, TINY.withSteps(4), new StyleProgress() {
            @Override
            public void iterated(int iteration, int total) {
                assertThat(total).isEqualTo(4);
                steps.add(iteration);
            }

            @Override
            public void previewed(BufferedImage preview, int iteration, int total) {
                assertThat(iteration).isEqualTo(4);
                previews.add(preview);
            }
        });

        assertThat(steps).containsExactly(1, 2, 3, 4);
        assertThat(previews).singleElement().satisfies(preview -> {
            assertThat(preview.getWidth()).isEqualTo(FastStyleTraining.PREVIEW_SIZE);
            assertThat(preview.getHeight()).isEqualTo(85);
        });
    }

    @Test
    void aPaintingHasTheRequestedSizeWhateverTheContentsSides() {
        try (FastStyle style = FastStyle.read(trained.weights())) {
            BufferedImage wide = style.transfer(house(150, 101), AT_64.withSize(77));
            BufferedImage tall = style.transfer(house(61, 90), AT_64);

            assertThat(new int[] {wide.getWidth(), wide.getHeight()}).containsExactly(77, 52);
            assertThat(new int[] {tall.getWidth(), tall.getHeight()}).containsExactly(43, 64);
        }
    }

    @Test
    void strengthBlendsThePaintingOverTheContentAndPreserveColorKeepsItsColours() {
        BufferedImage content = house(64, 64);
        try (FastStyle style = FastStyle.read(trained.weights())) {
            BufferedImage none = style.transfer(content, AT_64.withStrength(0));
            BufferedImage half = style.transfer(content, AT_64.withStrength(0.5));
            BufferedImage full = style.transfer(content, AT_64);
            BufferedImage coloured = style.transfer(content, AT_64.withPreserveColor(true));

            assertThat(pixels(none)).isEqualTo(pixels(content));
            assertThat(difference(half, content)).isGreaterThan(0).isLessThan(difference(full, content));
            assertThat(chromaShift(coloured, content)).isLessThan(chromaShift(full, content) / 2);
        }
    }

    @Test
    void bytesThatAreNotAFastStylesWeightsAreRefused() {
        assertThatThrownBy(() -> FastStyle.read(new byte[] {1, 2, 3})).isInstanceOf(ModelLoadException.class);
    }

    @Test
    void theShippedTrainingPhotosAreAllReadable() {
        TrainingPhotos shipped = TrainingPhotos.fromClasspath();

        assertThat(shipped.size()).isEqualTo(78);
    }

    @Test
    void theShippedFastStyleLoadsHashCheckedWithItsPictureAndCredit() throws Exception {
        ModelCatalog shipped = ModelCatalog.fromClasspath();
        ModelCard card = shipped.find("fast-style-great-wave").orElseThrow();

        ShippedFastStyle greatWave = new ModelLoader(shipped).loadFastStyle(card);

        assertThat(card.style().attribution()).contains("Hokusai");
        assertThat(ImageIO.read(new ByteArrayInputStream(greatWave.picture())).getWidth()).isEqualTo(256);
        try (FastStyle style = FastStyle.read(greatWave.weights())) {
            assertThat(style.transfer(house(96, 64), AT_64).getWidth()).isEqualTo(64);
        }
        assertThatThrownBy(() -> new ModelLoader(shipped).loadFastStyle(shipped.find(NeuralStyle.FEATURE_MODEL).orElseThrow()))
                .isInstanceOf(ModelLoadException.class).hasMessageContaining("fast-style");
    }

    private static double styleDistance(TrainedFastStyle network, BufferedImage content) {
        try (FastStyle style = FastStyle.read(network.weights());
             NDManager manager = NDManager.newBaseManager(DjlRuntime.device())) {
            BufferedImage painted = style.transfer(content, AT_64);
            var loss = new PerceptualLoss(training.network(), StyleRecipe.TUNED, Pictures.array(painted, manager),
                    Pictures.array(stripes(64, 64), manager), manager);
            return loss.evaluate(Pictures.array(painted, manager), 0, 0).style().getFloat();
        }
    }

    private static double chromaShift(BufferedImage picture, BufferedImage content) {
        double[] painted = meanChroma(picture);
        double[] original = meanChroma(content);
        return Math.hypot(painted[0] - original[0], painted[1] - original[1]);
    }

    private static double difference(BufferedImage a, BufferedImage b) {
        int[] first = pixels(a);
        int[] second = pixels(b);
        double sum = 0;
        for (int i = 0; i < first.length; i++) {
            for (int shift = 0; shift < 24; shift += 8) {
                sum += Math.abs(((first[i] >> shift) & 0xFF) - ((second[i] >> shift) & 0xFF));
            }
        }
        return sum / first.length;
    }
}
