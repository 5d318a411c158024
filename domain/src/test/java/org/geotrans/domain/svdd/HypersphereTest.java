package org.geotrans.domain.svdd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class HypersphereTest {

    @Test
    void theCentreIsTheMeanWithNearZeroEntriesPushedOutKeepingTheirSign() {
        float[][] representations = {{1f, 0.05f, -0.02f, 0f}, {3f, 0.05f, -0.06f, 0f}};
        assertArrayEquals(new float[] {2f, 0.1f, -0.1f, 0.1f}, Hypersphere.around(representations).centre());
    }

    @Test
    void anImageScoresMinusItsSquaredDistanceToTheCentre() {
        Hypersphere sphere = new Hypersphere(new float[] {1f, -2f});
        double[] scores = sphere.scores(new float[][] {{1f, -2f}, {4f, 2f}});
        assertEquals(0.0, scores[0], 0.0);
        assertEquals(-25.0, scores[1], 1e-12);
    }

    @Test
    void rowsOfAnotherLengthAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Hypersphere.around(new float[][] {{1f, 2f}, {1f}}));
        assertEquals("a representation has 1 values, the centre 2", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Hypersphere(new float[] {1f}).scores(new float[][] {{1f, 2f}}));
        assertThrows(IllegalArgumentException.class, () -> Hypersphere.around(new float[0][]));
    }

    @Test
    void theCentreCannotBeChangedFromOutside() {
        float[] values = {1f, 2f};
        Hypersphere sphere = new Hypersphere(values);
        values[0] = 9f;
        sphere.centre()[1] = 9f;
        assertArrayEquals(new float[] {1f, 2f}, sphere.centre());
    }
}
