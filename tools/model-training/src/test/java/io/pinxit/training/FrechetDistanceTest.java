package io.pinxit.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

class FrechetDistanceTest {

    @Test
    void statisticsAreTheMeanAndTheUnbiasedCovariance() {
        float[] features = {1, 2, 3, 6, 5, 10};

        FeatureStatistics statistics = FeatureStatistics.of(features, 2);

        assertArrayEquals(new double[] {3, 6}, statistics.mean(), 1e-12);
        assertArrayEquals(new double[] {4, 8, 8, 16}, statistics.covariance().getData(), 1e-12);
    }

    @Test
    void identicalGaussiansAreAtDistanceZero() {
        FeatureStatistics statistics = FeatureStatistics.of(randomFeatures(200, 6, 1), 6);

        assertEquals(0, FrechetDistance.between(statistics, statistics), 1e-9);
    }

    @Test
    void diagonalCovariancesGiveTheClosedForm() {
        double[] a = {4, 1, 9};
        double[] b = {1, 1, 16};
        var first = new FeatureStatistics(new double[] {0, 1, 2}, diagonal(a));
        var second = new FeatureStatistics(new double[] {1, 1, 0}, diagonal(b));
        // ‖μ₁ − μ₂‖² + Σ (√a − √b)²
        double expected = (1 + 0 + 4) + (1 + 0 + 1);

        assertEquals(expected, FrechetDistance.between(first, second), 1e-9);
    }

    @Test
    void translatedFeaturesAreAtTheSquaredLengthOfTheTranslation() {
        float[] features = randomFeatures(300, 5, 2);
        float[] shift = {1, -2, 0.5f, 0, 3};
        float[] moved = features.clone();
        for (int i = 0; i < moved.length; i++) {
            moved[i] += shift[i % shift.length];
        }

        double distance = FrechetDistance.between(FeatureStatistics.of(features, 5), FeatureStatistics.of(moved, 5));

        assertEquals(1 + 4 + 0.25 + 0 + 9, distance, 1e-4);
    }

    @Test
    void deadFeaturesThatNeverVaryLeaveTheDistanceOfATranslation() {
        float[] features = randomFeatures(100, 6, 5);
        for (int i = 0; i < features.length; i += 6) {
            features[i + 2] = 0;
            features[i + 4] = 0;
        }
        float[] moved = features.clone();
        for (int i = 0; i < moved.length; i += 6) {
            moved[i] += 2;
        }

        double distance = FrechetDistance.between(FeatureStatistics.of(features, 6), FeatureStatistics.of(moved, 6));

        assertEquals(4, distance, 1e-6);
    }

    @Test
    void nonCommutingCovariancesGiveTheTwoDimensionalClosedFormInEitherOrder() {
        var first = new FeatureStatistics(new double[] {0, 0}, symmetric(2, 1, 3));
        var second = new FeatureStatistics(new double[] {1, 2}, symmetric(5, -2, 1));
        // For 2×2 matrices Tr √(Σ₁Σ₂) = √(Tr Σ₁Σ₂ + 2√(det Σ₁ · det Σ₂)); here Σ₁Σ₂ = [[8, -3], [-1, 1]].
        double rootTrace = Math.sqrt(9 + 2 * Math.sqrt(5 * 1));
        double expected = 5 + 5 + 6 - 2 * rootTrace;

        assertEquals(expected, FrechetDistance.between(first, second), 1e-9);
        assertEquals(expected, FrechetDistance.between(second, first), 1e-9);
    }

    @Test
    void fewerSamplesThanDimensionsStillGiveAFiniteDistanceAndZeroToThemselves() {
        FeatureStatistics few = FeatureStatistics.of(randomFeatures(8, 20, 3), 20);
        FeatureStatistics others = FeatureStatistics.of(randomFeatures(8, 20, 4), 20);
        // The square roots of the covariances' zero eigenvalues magnify rounding: compare with their scale.
        double scale = CommonOps_DDRM.trace(few.covariance());

        double distance = FrechetDistance.between(few, others);

        assertTrue(Double.isFinite(distance) && distance > 1e-3 * scale, "distance " + distance);
        assertEquals(0, FrechetDistance.between(few, few), 1e-6 * scale);
    }

    private static float[] randomFeatures(int count, int dimensions, long seed) {
        var random = new SplittableRandom(seed);
        float[] features = new float[count * dimensions];
        for (int i = 0; i < features.length; i++) {
            // Correlated dimensions, so that the covariance is not diagonal.
            features[i] = (float) (random.nextDouble(-1, 1) + (i % dimensions > 0 ? 0.5 * features[i - 1] : 0));
        }
        return features;
    }

    private static DMatrixRMaj diagonal(double[] values) {
        var matrix = new DMatrixRMaj(values.length, values.length);
        for (int i = 0; i < values.length; i++) {
            matrix.set(i, i, values[i]);
        }
        return matrix;
    }

    /** [[a, b], [b, d]]. */
    private static DMatrixRMaj symmetric(double a, double b, double d) {
        return new DMatrixRMaj(2, 2, true, a, b, b, d);
    }
}
