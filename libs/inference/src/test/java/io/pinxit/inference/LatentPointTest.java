package io.pinxit.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LatentPointTest {

    private static final LatentPoint SMILEY = new LatentPoint(new float[] {3, 0, 0, 4}, new float[] {1, 0});
    private static final LatentPoint FLAG = new LatentPoint(new float[] {0, 5, 0, 0}, new float[] {0, 1});

    @Test
    void goingNoneOrAllOfTheWayGivesTheEndpoints() {
        assertEquals(SMILEY, SMILEY.towards(FLAG, 0));
        assertEquals(FLAG, SMILEY.towards(FLAG, 1));
    }

    @Test
    void interpolatingBetweenVectorsOfEqualNormKeepsTheNorm() {
        for (double t : new double[] {0.1, 0.25, 0.5, 0.75, 0.9}) {
            LatentPoint between = SMILEY.towards(FLAG, t);

            assertEquals(5.0, norm(between.latent()), 1e-5, "t = " + t);
            assertNotEquals(5.0, norm(linear(SMILEY.latent(), FLAG.latent(), t)), 1e-2, "a straight line would shrink it");
        }
    }

    @Test
    void halfwayLiesAtEqualAnglesFromBothEnds() {
        float[] halfway = SMILEY.towards(FLAG, 0.5).latent();

        assertEquals(cosine(halfway, SMILEY.latent()), cosine(halfway, FLAG.latent()), 1e-6);
    }

    @Test
    void labelWeightsAreMixedLinearly() {
        assertArrayEquals(new float[] {0.75f, 0.25f}, SMILEY.towards(FLAG, 0.25).labelWeights(), 1e-6f);
        assertArrayEquals(new float[] {0.5f, 0.5f}, SMILEY.towards(FLAG, 0.5).labelWeights(), 1e-6f);
    }

    @Test
    void aPointTowardsItselfStaysPut() {
        assertEquals(SMILEY, SMILEY.towards(SMILEY, 0.5));
    }

    @Test
    void pointsOfDifferentModelsCannotBeInterpolated() {
        var otherModel = new LatentPoint(new float[] {1, 2}, new float[] {1, 0});

        assertThrows(IllegalArgumentException.class, () -> SMILEY.towards(otherModel, 0.5));
    }

    @Test
    void nudgingMovesTheLatentByStrengthTimesNoiseAndKeepsTheLabel() {
        LatentPoint nudged = SMILEY.nudged(new float[] {1, -1, 2, 0}, 0.5);

        assertArrayEquals(new float[] {3.5f, -0.5f, 1, 4}, nudged.latent(), 1e-6f);
        assertArrayEquals(SMILEY.labelWeights(), nudged.labelWeights());
        assertEquals(SMILEY, SMILEY.nudged(new float[] {1, -1, 2, 0}, 0));
    }

    @Test
    void noiseOfAnotherSizeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> SMILEY.nudged(new float[] {1, 2}, 0.5));
    }

    @Test
    void aPointCannotBeChangedThroughTheArraysItWasMadeFromOrGives() {
        float[] latent = {1, 2};
        var point = new LatentPoint(latent, new float[] {1});
        latent[0] = 9;
        point.latent()[1] = 9;

        assertArrayEquals(new float[] {1, 2}, point.latent());
    }

    private static double norm(float[] vector) {
        double squares = 0;
        for (float value : vector) {
            squares += (double) value * value;
        }
        return Math.sqrt(squares);
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
        }
        return dot / (norm(a) * norm(b));
    }

    private static float[] linear(float[] from, float[] to, double t) {
        float[] between = new float[from.length];
        for (int i = 0; i < between.length; i++) {
            between[i] = (float) ((1 - t) * from[i] + t * to[i]);
        }
        return between;
    }
}
