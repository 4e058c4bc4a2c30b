package io.pinxit.inference.style;

/** Powers of symmetric positive definite 3×3 matrices (colour covariances), by Jacobi eigendecomposition. */
final class SymmetricMatrix3 {

    private static final int SWEEPS = 50;

    private SymmetricMatrix3() {}

    /** V · diag(λ^p) · Vᵀ for a symmetric positive definite matrix with eigenvalues λ and eigenvectors V. */
    static double[][] power(double[][] matrix, double p) {
        double[][] a = {matrix[0].clone(), matrix[1].clone(), matrix[2].clone()};
        double[][] v = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
        for (int sweep = 0; sweep < SWEEPS && offDiagonal(a) > 1e-20 * (1 + trace(a) * trace(a)); sweep++) {
            for (int i = 0; i < 2; i++) {
                for (int j = i + 1; j < 3; j++) {
                    rotate(a, v, i, j);
                }
            }
        }
        double[][] result = new double[3][3];
        for (int k = 0; k < 3; k++) {
            double scaled = Math.pow(Math.max(a[k][k], 1e-12), p);
            for (int r = 0; r < 3; r++) {
                for (int c = 0; c < 3; c++) {
                    result[r][c] += v[r][k] * scaled * v[c][k];
                }
            }
        }
        return result;
    }

    /** One Jacobi rotation that zeroes a[i][j], applied to a on both sides and accumulated into v. */
    private static void rotate(double[][] a, double[][] v, int i, int j) {
        if (a[i][j] == 0) {
            return;
        }
        double theta = (a[j][j] - a[i][i]) / (2 * a[i][j]);
        double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        if (theta == 0) {
            t = 1;
        }
        double c = 1 / Math.sqrt(t * t + 1);
        double s = t * c;
        for (int k = 0; k < 3; k++) {
            double aki = a[k][i];
            double akj = a[k][j];
            a[k][i] = c * aki - s * akj;
            a[k][j] = s * aki + c * akj;
        }
        for (int k = 0; k < 3; k++) {
            double aik = a[i][k];
            double ajk = a[j][k];
            a[i][k] = c * aik - s * ajk;
            a[j][k] = s * aik + c * ajk;
        }
        for (int k = 0; k < 3; k++) {
            double vki = v[k][i];
            double vkj = v[k][j];
            v[k][i] = c * vki - s * vkj;
            v[k][j] = s * vki + c * vkj;
        }
    }

    private static double offDiagonal(double[][] a) {
        return a[0][1] * a[0][1] + a[0][2] * a[0][2] + a[1][2] * a[1][2];
    }

    private static double trace(double[][] a) {
        return a[0][0] + a[1][1] + a[2][2];
    }
}
