package io.pinxit.inference.gan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LatentSamplerTest {

    private final LatentSampler sampler = new LatentSampler(64);

    @Test
    void theSameSeedGivesTheSameVectors() {
        assertArrayEquals(sampler.sample(99L, 5), sampler.sample(99L, 5));
    }

    @Test
    void differentSeedsGiveDifferentVectors() {
        assertFalse(Arrays.equals(sampler.sample(1L, 1), sampler.sample(2L, 1)));
    }

    @Test
    void askingForMoreVectorsKeepsTheFirstOnes() {
        float[] three = sampler.sample(5L, 3);
        float[] ten = sampler.sample(5L, 10);

        assertArrayEquals(three, Arrays.copyOf(ten, three.length));
    }

    @Test
    void valuesAreStandardNormal() {
        float[] values = new LatentSampler(1).sample(11L, 100_000);
        double mean = 0;
        for (float value : values) {
            mean += value;
        }
        mean /= values.length;
        double variance = 0;
        for (float value : values) {
            variance += (value - mean) * (value - mean);
        }
        variance /= values.length;

        assertEquals(0.0, mean, 0.02);
        assertEquals(1.0, variance, 0.02);
    }

    @Test
    void aSeedPinsTheExactValuesSoStoredSeedsKeepTheirPictures() {
        float[] expected = {-1.8839084f, 0.86450684f, 0.22760794f, -0.042112686f};

        assertArrayEquals(expected, new LatentSampler(4).sample(0L, 1));
    }
}
