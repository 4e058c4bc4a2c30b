package io.pinxit.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class BalancedScheduleTest {

    private static final int[][] MEMBERS = {{0, 1, 2, 3, 4, 5, 6, 7}, {8}, {9, 10}};

    @Test
    void aStepsBatchDependsOnlyOnTheSeedAndTheStep() {
        var first = new BalancedSchedule(5L, MEMBERS, 16).batch(3);
        var again = new BalancedSchedule(5L, MEMBERS, 16).batch(3);

        assertArrayEquals(first.labels(), again.labels());
        assertArrayEquals(first.imageIndices(), again.imageIndices());
    }

    @Test
    void everyPictureBelongsToItsLabelAndSmallLabelsAreDrawnAsOftenAsLargeOnes() {
        var schedule = new BalancedSchedule(5L, MEMBERS, 64);
        int[] perLabel = new int[MEMBERS.length];
        for (int step = 0; step < 100; step++) {
            var batch = schedule.batch(step);
            for (int i = 0; i < 64; i++) {
                int label = batch.labels()[i];
                int image = batch.imageIndices()[i];
                assertTrue(Arrays.stream(MEMBERS[label]).anyMatch(member -> member == image));
                perLabel[label]++;
            }
        }
        for (int count : perLabel) {
            assertTrue(Math.abs(count - 6400 / 3.0) < 200, "label drawn " + count + " times of 6400");
        }
    }
}
