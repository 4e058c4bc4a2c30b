package io.pinxit.training;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The Gaussian that a set of feature vectors is summarised by for a Fréchet distance: their mean and their
 * (unbiased, n − 1) covariance, in double precision.
 */
record FeatureStatistics(double[] mean, DMatrixRMaj covariance) {

    /** The statistics of {@code features}: {@code count} vectors of {@code dimensions} values, one after another. */
    static FeatureStatistics of(float[] features, int dimensions) {
        if (dimensions < 1 || features.length % dimensions != 0 || features.length / dimensions < 2) {
            throw new IllegalArgumentException("Need at least two vectors of %d values, got %d values"
                    .formatted(dimensions, features.length));
        }
        int count = features.length / dimensions;
        double[] mean = new double[dimensions];
        for (int i = 0; i < features.length; i++) {
            mean[i % dimensions] += features[i];
        }
        for (int d = 0; d < dimensions; d++) {
            mean[d] /= count;
        }
        var centred = new DMatrixRMaj(count, dimensions);
        double[] data = centred.getData();
        for (int i = 0; i < features.length; i++) {
            data[i] = features[i] - mean[i % dimensions];
        }
        var covariance = new DMatrixRMaj(dimensions, dimensions);
        CommonOps_DDRM.multInner(centred, covariance);
        CommonOps_DDRM.scale(1.0 / (count - 1), covariance);
        return new FeatureStatistics(mean, covariance);
    }

    int dimensions() {
        return mean.length;
    }
}
