package io.pinxit.inference.style;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StyleOptionsTest {

    @Test
    void theDefaultsAreValidAndEachWitherChangesOnlyItsOwnValue() {
        StyleOptions options = StyleOptions.defaults();

        StyleOptions changed = options.withStrength(0.25).withPreserveColor(true).withSize(300).withSeed(7).withIterations(12);

        assertThat(options).isEqualTo(new StyleOptions(StyleOptions.DEFAULT_STRENGTH, false, StyleOptions.DEFAULT_SIZE,
                0, StyleOptions.DEFAULT_ITERATIONS));
        assertThat(changed).isEqualTo(new StyleOptions(0.25, true, 300, 7, 12));
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.01, 1.01, Double.NaN, Double.POSITIVE_INFINITY})
    void aStrengthOutsideZeroToOneIsRefused(double strength) {
        assertThatThrownBy(() -> StyleOptions.defaults().withStrength(strength))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("strength");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 63, 1025})
    void aSizeOutsideTheSupportedRangeIsRefused(int size) {
        assertThatThrownBy(() -> StyleOptions.defaults().withSize(size))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("size");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 1001})
    void anIterationCountOutsideTheSupportedRangeIsRefused(int iterations) {
        assertThatThrownBy(() -> StyleOptions.defaults().withIterations(iterations))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("iterations");
    }

    @Test
    void theEdgesOfEachRangeAreAccepted() {
        assertThat(new StyleOptions(0, false, StyleOptions.MIN_SIZE, Long.MIN_VALUE, 1).size()).isEqualTo(64);
        assertThat(new StyleOptions(1, true, StyleOptions.MAX_SIZE, Long.MAX_VALUE, StyleOptions.MAX_ITERATIONS).size())
                .isEqualTo(1024);
    }
}
