package io.pinxit.inference.style;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

class LaplacianPyramidTest {

    @Test
    void theLevelsComposeBackToThePictureEvenWithOddSides() {
        try (NDManager manager = NDManager.newBaseManager()) {
            manager.getEngine().setRandomSeed(3);
            NDArray picture = manager.randomUniform(0f, 1f, new Shape(1, 3, 37, 22));

            LaplacianPyramid pyramid = LaplacianPyramid.of(picture, 4, manager);

            assertThat(pyramid.levels()).extracting(NDArray::getShape).containsExactly(
                    new Shape(1, 3, 37, 22), new Shape(1, 3, 19, 11), new Shape(1, 3, 10, 6), new Shape(1, 3, 5, 3));
            float[] composed = pyramid.composed().toFloatArray();
            float[] original = picture.toFloatArray();
            for (int i = 0; i < original.length; i++) {
                assertThat(composed[i]).isCloseTo(original[i], within(1e-5f));
            }
        }
    }

    @Test
    void aLossOnThePictureSendsGradientsToEveryLevelAndMostToTheCoarsest() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray picture = manager.ones(new Shape(1, 3, 32, 32)).mul(0.5f);
            LaplacianPyramid pyramid = LaplacianPyramid.of(picture, 3, manager);

            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray composed = pyramid.composed();
                collector.backward(composed.mul(composed).sum());
            }

            double[] perPixel = new double[3];
            for (int level = 0; level < 3; level++) {
                try (NDArray gradient = pyramid.levels().get(level).getGradient()) {
                    perPixel[level] = gradient.abs().mean().getFloat();
                }
            }
            assertThat(perPixel[0]).isGreaterThan(0);
            assertThat(perPixel[1]).isGreaterThan(perPixel[0]);
            assertThat(perPixel[2]).isGreaterThan(perPixel[1]);
        }
    }
}
