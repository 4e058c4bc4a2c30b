package io.pinxit.training;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * The Fréchet distance between Gaussians fitted to features, the FID formula ‖μ₁ − μ₂‖² + Tr(Σ₁ + Σ₂ − 2(Σ₁Σ₂)^½),
 * with Tr (Σ₁Σ₂)^½ taken on the symmetric route as Σ √λᵢ(√Σ₁ Σ₂ √Σ₁), which stays stable for the singular
 * covariances of fewer samples than dimensions. Both matrices decomposed are symmetric positive semi-definite, so
 * their eigenvalues are their singular values; an SVD finds them because EJML's symmetric eigenvalue solver did
 * not converge on real 2048-d covariances with features that never vary. (An SVD reports a rounding-negative
 * eigenvalue as a tiny positive one instead of one to clip to 0: about 1e-8 after the square root.) The reference's
 * square root is computed once for all comparisons with it.
 */
final class FrechetDistance {

    private final FeatureStatistics reference;
    private final DMatrixRMaj referenceRoot;

    FrechetDistance(FeatureStatistics reference) {
        this.reference = reference;
        this.referenceRoot = squareRoot(reference.covariance());
    }

    static double between(FeatureStatistics a, FeatureStatistics b) {
        return new FrechetDistance(a).to(b);
    }

    double to(FeatureStatistics other) {
        int n = reference.dimensions();
        if (other.dimensions() != n) {
            throw new IllegalArgumentException("Features of %d and %d dimensions".formatted(n, other.dimensions()));
        }
        double meanDistance = 0;
        for (int d = 0; d < n; d++) {
            double difference = reference.mean()[d] - other.mean()[d];
            meanDistance += difference * difference;
        }
        var half = new DMatrixRMaj(n, n);
        CommonOps_DDRM.mult(referenceRoot, other.covariance(), half);
        var product = new DMatrixRMaj(n, n);
        CommonOps_DDRM.mult(half, referenceRoot, product);
        double rootTrace = 0;
        for (double eigenvalue : decomposed(product, false).getSingularValues()) {
            rootTrace += Math.sqrt(eigenvalue);
        }
        return meanDistance + CommonOps_DDRM.trace(reference.covariance()) + CommonOps_DDRM.trace(other.covariance())
                - 2 * rootTrace;
    }

    /** U·diag(√λ)·Uᵀ for the symmetric positive semi-definite {@code matrix} = U·diag(λ)·Uᵀ. */
    private static DMatrixRMaj squareRoot(DMatrixRMaj matrix) {
        int n = matrix.numRows;
        SingularValueDecomposition_F64<DMatrixRMaj> svd = decomposed(matrix, true);
        DMatrixRMaj vectors = svd.getU(null, false);
        double[] values = svd.getSingularValues();
        var scaled = vectors.copy();
        for (int row = 0; row < n; row++) {
            for (int column = 0; column < n; column++) {
                scaled.unsafe_set(row, column, scaled.unsafe_get(row, column) * Math.sqrt(values[column]));
            }
        }
        var root = new DMatrixRMaj(n, n);
        CommonOps_DDRM.multTransB(scaled, vectors, root);
        return root;
    }

    private static SingularValueDecomposition_F64<DMatrixRMaj> decomposed(DMatrixRMaj matrix, boolean withVectors) {
        int n = matrix.numRows;
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(n, n, withVectors, false, true);
        if (!svd.decompose(matrix.copy())) {
            throw new IllegalStateException("The SVD of a %d×%d matrix did not converge".formatted(n, n));
        }
        return svd;
    }
}
