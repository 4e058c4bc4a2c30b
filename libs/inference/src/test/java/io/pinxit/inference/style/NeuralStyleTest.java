package io.pinxit.inference.style;

import static io.pinxit.inference.style.SamplePictures.house;
import static io.pinxit.inference.style.SamplePictures.meanChroma;
import static io.pinxit.inference.style.SamplePictures.pixels;
import static io.pinxit.inference.style.SamplePictures.stripes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import io.pinxit.inference.KernelSensitive;
import io.pinxit.inference.ModelCatalog;
import io.pinxit.inference.ModelLoader;
import io.pinxit.inference.features.ImageEmbedder;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Runs the real feature network on small pictures with few iterations, so that each case takes a second or two. */
@KernelSensitive
@Tag("training")
class NeuralStyleTest {

    private static final StyleOptions SMALL = StyleOptions.defaults().withSize(64).withIterations(20).withSeed(5);
    private static final StyleOptions QUICK = SMALL.withIterations(8);

    private static ImageEmbedder network;
    private static NeuralStyle neuralStyle;

    @BeforeAll
    static void loadTheShippedFeatureNetwork() {
        ModelCatalog shipped = ModelCatalog.fromClasspath();
        network = new ModelLoader(shipped).loadEmbedder(shipped.find(NeuralStyle.FEATURE_MODEL).orElseThrow());
        neuralStyle = new NeuralStyle(network);
    }

    @AfterAll
    static void close() {
        neuralStyle.close();
    }

    @Test
    void theResultIsSizeOnItsLongestSideAndKeepsTheContentsAspectRatio() {
        BufferedImage wide = neuralStyle.transfer(house(150, 100), stripes(80, 80), QUICK.withSize(72), StyleProgress.NONE);
        BufferedImage tall = neuralStyle.transfer(house(60, 90), stripes(80, 80), QUICK, StyleProgress.NONE);

        assertThat(wide.getWidth()).isEqualTo(72);
        assertThat(wide.getHeight()).isEqualTo(48);
        assertThat(tall.getWidth()).isEqualTo(43);
        assertThat(tall.getHeight()).isEqualTo(64);
    }

    @Test
    void theResultIsCloserToTheStyleThanTheContentIsInTheOptimisedNetworksEyes() {
        BufferedImage content = house(96, 64);
        BufferedImage style = stripes(64, 64);

        BufferedImage result = neuralStyle.transfer(content, style, SMALL, StyleProgress.NONE);

        BufferedImage sized = Pictures.resized(content, result.getWidth(), result.getHeight());
        try (NDManager manager = NDManager.newBaseManager()) {
            var loss = new PerceptualLoss(network, StyleRecipe.TUNED, Pictures.array(sized, manager),
                    Pictures.array(style, manager), manager);
            int centred = StyleRecipe.TUNED.jitter();
            double before = loss.evaluate(Pictures.array(sized, manager), centred, centred).style().getFloat();
            double after = loss.evaluate(Pictures.array(result, manager), centred, centred).style().getFloat();
            assertThat(after).isLessThan(0.6 * before);
        }
    }

    @Test
    void theSameSeedGivesTheSamePixelsAndAnotherSeedOthers() {
        BufferedImage content = house(80, 64);
        BufferedImage style = stripes(64, 64);

        BufferedImage first = neuralStyle.transfer(content, style, QUICK, StyleProgress.NONE);
        BufferedImage again = neuralStyle.transfer(content, style, QUICK, StyleProgress.NONE);
        BufferedImage otherSeed = neuralStyle.transfer(content, style, QUICK.withSeed(6), StyleProgress.NONE);

        assertThat(pixels(again)).isEqualTo(pixels(first));
        assertThat(pixels(otherSeed)).isNotEqualTo(pixels(first));
    }

    @Test
    void preservingColourKeepsTheContentsMeanChromaWhileTheStylesColoursWouldMoveIt() {
        BufferedImage content = house(96, 64);
        BufferedImage blueStyle = stripes(64, 64);
        BufferedImage sized = Pictures.resized(content, 64, 43);

        BufferedImage kept = neuralStyle.transfer(content, blueStyle, QUICK.withPreserveColor(true), StyleProgress.NONE);
        BufferedImage moved = neuralStyle.transfer(content, blueStyle, QUICK, StyleProgress.NONE);

        double[] wanted = meanChroma(sized);
        assertThat(meanChroma(kept)[0]).isCloseTo(wanted[0], within(3.0));
        assertThat(meanChroma(kept)[1]).isCloseTo(wanted[1], within(3.0));
        assertThat(meanChroma(moved)[0]).isGreaterThan(wanted[0] + 15);
    }

    @Test
    void strengthZeroGivesTheContentAtTheRequestedSize() {
        BufferedImage content = house(96, 64);

        BufferedImage result = neuralStyle.transfer(content, stripes(64, 64), SMALL.withStrength(0), StyleProgress.NONE);

        assertThat(pixels(result)).isEqualTo(pixels(Pictures.resized(content, 64, 43)));
    }

    @Test
    void theListenerHearsEveryIterationAndASmallPreviewEveryFew() {
        List<Integer> iterations = new ArrayList<>();
        List<int[]> previews = new ArrayList<>();
        StyleProgress listener = new StyleProgress() {
            @Override
            public void iterated(int iteration, int total) {
                assertThat(total).isEqualTo(25);
                iterations.add(iteration);
            }

            @Override
            public void previewed(BufferedImage preview, int iteration, int total) {
                previews.add(new int[] {iteration, preview.getWidth(), preview.getHeight()});
            }
        };

        neuralStyle.transfer(house(96, 64), stripes(64, 64), SMALL.withIterations(25), listener);

        assertThat(iterations).hasSize(25).startsWith(1, 2, 3).endsWith(25);
        assertThat(previews).extracting(p -> p[0]).containsExactly(10, 20, 25);
        assertThat(previews).allSatisfy(p -> assertThat(Math.max(p[1], p[2])).isLessThanOrEqualTo(NeuralStyle.PREVIEW_SIZE));
    }

    @Test
    void anExceptionFromTheListenerEndsTheTransfer() {
        StyleProgress cancelling = (iteration, total) -> {
            if (iteration == 3) {
                throw new IllegalStateException("cancelled");
            }
        };

        assertThatThrownBy(() -> neuralStyle.transfer(house(96, 64), stripes(64, 64), QUICK, cancelling))
                .isInstanceOf(IllegalStateException.class).hasMessage("cancelled");
    }

    @Test
    void gradientsReachThePictureThroughTheFeatureNetworkAsFiniteDifferencesSay() {
        try (NDManager manager = NDManager.newBaseManager()) {
            manager.getEngine().setRandomSeed(1);
            NDArray picture = manager.randomUniform(0f, 1f, new Shape(1, 64, 64, 3));
            picture.setRequiresGradient(true);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                collector.backward(energy(picture, "Conv1_relu").add(energy(picture, "block_13_expand_relu")));
            }
            try (NDArray gradient = picture.getGradient()) {
                assertThat(gradient.abs().sum().getFloat()).isFinite().isPositive();
            }
            NDArray again = picture.stopGradient().duplicate();
            again.setRequiresGradient(true);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                collector.backward(energy(again, "Conv1_relu"));
            }

            // Deeper layers have too many ReLU6 kinks for float32 differences; the first one checks the arithmetic.
            float step = 0.01f;
            try (NDArray gradient = again.getGradient()) {
                for (int[] at : new int[][] {{30, 20, 1}, {10, 10, 0}, {40, 50, 2}}) {
                    NDIndex pixel = new NDIndex(0, at[0], at[1], at[2]);
                    float value = picture.getFloat(0, at[0], at[1], at[2]);
                    NDArray plus = picture.stopGradient().duplicate();
                    plus.set(pixel, value + step);
                    NDArray minus = picture.stopGradient().duplicate();
                    minus.set(pixel, value - step);
                    float numeric = (energy(plus, "Conv1_relu").getFloat() - energy(minus, "Conv1_relu").getFloat()) / (2 * step);
                    assertThat(gradient.getFloat(0, at[0], at[1], at[2])).isNotZero()
                            .isCloseTo(numeric, within(0.05f * Math.abs(numeric)));
                }
            }
        }
    }

    private static NDArray energy(NDArray picture, String layer) {
        NDArray map = network.layerOutputs(picture, List.of(layer)).get(layer);
        return map.mul(map).sum();
    }
}
