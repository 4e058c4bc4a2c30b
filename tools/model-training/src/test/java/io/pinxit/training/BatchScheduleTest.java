package io.pinxit.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BatchScheduleTest {

    @Test
    void aResumedRunSeesTheSameImagesAsAnUninterruptedOne() {
        var uninterrupted = new BatchSchedule(7L, 100, 16);
        for (int step = 0; step < 20; step++) {
            uninterrupted.imageIndices(step);
        }
        var resumed = new BatchSchedule(7L, 100, 16);

        assertArrayEquals(uninterrupted.imageIndices(20), resumed.imageIndices(20));
        assertEquals(uninterrupted.noiseSeed(20), resumed.noiseSeed(20));
    }

    @Test
    void everyImageIsSeenOncePerEpoch() {
        var schedule = new BatchSchedule(7L, 12, 4);

        int[] epoch = IntStream.range(0, 3).flatMap(step -> Arrays.stream(schedule.imageIndices(step))).sorted().toArray();

        assertArrayEquals(IntStream.range(0, 12).toArray(), epoch);
    }

    @Test
    void eachEpochIsShuffledAfresh() {
        var schedule = new BatchSchedule(7L, 64, 64);

        assertNotEquals(Arrays.toString(schedule.imageIndices(0)), Arrays.toString(schedule.imageIndices(1)));
    }

    @Test
    void eachStepGetsItsOwnNoise() {
        var schedule = new BatchSchedule(7L, 64, 64);

        assertNotEquals(schedule.noiseSeed(0), schedule.noiseSeed(1));
    }
}
