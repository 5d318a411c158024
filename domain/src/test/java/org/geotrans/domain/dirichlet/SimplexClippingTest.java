package org.geotrans.domain.dirichlet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SimplexClippingTest {

    @Test
    void smallCoordinatesAreRaisedToEpsilonAndTheVectorRenormalised() {
        SimplexClipping clipping = SimplexClipping.at(0.01);
        // [1, 0, 0] -> [1, 0.01, 0.01] / 1.02
        assertArrayEquals(new double[] {1 / 1.02, 0.01 / 1.02, 0.01 / 1.02},
                clipping.clip(new double[] {1, 0, 0}, "p"), 1e-15);
        // nothing below epsilon: unchanged
        assertArrayEquals(new double[] {0.2, 0.3, 0.5}, clipping.clip(new double[] {0.2, 0.3, 0.5}, "p"), 1e-15);
    }

    @Test
    void floatRowsAreClippedLikeDoubleRows() {
        SimplexClipping clipping = SimplexClipping.defaults();
        float[] rows = {0.25f, 0.75f, 1f, 0f};
        double[] target = new double[2];
        clipping.clipInto(rows, 2, target, "row ", 1);
        assertArrayEquals(clipping.clip(new double[] {1, 0}, "row 1"), target, 0.0);
    }

    @Test
    void givenAFloatRowThatIsNotADistribution_thenTheMessageNamesIt() {
        float[] rows = {0.25f, 0.75f, 0.4f, 0.4f};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SimplexClipping.defaults().clipInto(rows, 2, new double[2], "row ", 1));
        assertTrue(e.getMessage().startsWith("row 1 sums to 0.8"), e.getMessage());
    }

    @Test
    void givenAnEpsilonOrToleranceOutOfRange_thenTheRecordRefusesIt() {
        assertThrows(IllegalArgumentException.class, () -> SimplexClipping.at(1));
        assertThrows(IllegalArgumentException.class, () -> SimplexClipping.at(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new SimplexClipping(1e-12, -1));
    }
}
