package io.pinxit.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class GeneratedSampleTest {

    @Test
    void sharesFollowTheWeightsAndAddUpToTheTotalByLargestRemainder() {
        assertArrayEquals(new int[] {4, 3, 3}, GeneratedSample.shares(10, new int[] {1, 1, 1}));
        assertArrayEquals(new int[] {1, 2, 7}, GeneratedSample.shares(10, new int[] {14, 16, 70}));
        assertArrayEquals(new int[] {0, 2000}, GeneratedSample.shares(2000, new int[] {0, 35}));
    }
}
