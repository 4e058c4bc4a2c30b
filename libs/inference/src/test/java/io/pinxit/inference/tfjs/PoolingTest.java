package io.pinxit.inference.tfjs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;

/** TF's pooling with 'same' padding, on a 4×4 picture holding 0..15 row by row. */
class PoolingTest {

    @Test
    void sameMaxPoolingPadsAfterTheImageAndNeverPicksThePadding() {
        float[] pooled = pool(new Pooling(Pooling.Kind.MAX, new int[] {3, 3}, new int[] {2, 2}, true));

        assertThat(pooled).containsExactly(10, 11, 14, 15);
    }

    @Test
    void sameAveragePoolingAveragesOnlyTheRealPixelsOfEachWindow() {
        float[] strided = pool(new Pooling(Pooling.Kind.AVERAGE, new int[] {3, 3}, new int[] {2, 2}, true));
        float[] everyPixel = pool(new Pooling(Pooling.Kind.AVERAGE, new int[] {3, 3}, new int[] {1, 1}, true));

        assertThat(strided).containsExactly(new float[] {5, 6.5f, 11, 12.5f}, within(1e-6f));
        assertThat(everyPixel).hasSize(16);
        assertThat(everyPixel[0]).isCloseTo((0 + 1 + 4 + 5) / 4f, within(1e-6f));
    }

    @Test
    void validPoolingUsesWholeWindowsOnly() {
        float[] pooled = pool(new Pooling(Pooling.Kind.AVERAGE, new int[] {2, 2}, new int[] {2, 2}, false));

        assertThat(pooled).containsExactly(new float[] {2.5f, 4.5f, 10.5f, 12.5f}, within(1e-6f));
    }

    private static float[] pool(Pooling pooling) {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray picture = manager.arange(16f).reshape(new Shape(1, 1, 4, 4));
            return pooling.apply(List.of(picture)).toFloatArray();
        }
    }
}
