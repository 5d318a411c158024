package org.geotrans.domain.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ShapeConformanceTest {

    @Test
    void aGreyImageIsPaddedWithBlackInTheCentreAndRepeatedIntoEveryChannel() {
        ImageShape grey = new ImageShape(2, 2, 1);
        Image image = new Image(grey, new float[] {0.1f, 0.2f, 0.3f, 0.4f});
        Image out = ShapeConformance.conform(image, new ImageShape(4, 4, 3));
        assertEquals(new ImageShape(4, 4, 3), out.shape());
        for (int ch = 0; ch < 3; ch++) {
            assertEquals(0.1f, out.value(1, 1, ch));
            assertEquals(0.2f, out.value(1, 2, ch));
            assertEquals(0.3f, out.value(2, 1, ch));
            assertEquals(0.4f, out.value(2, 2, ch));
            assertEquals(-1f, out.value(0, 0, ch));
            assertEquals(-1f, out.value(3, 3, ch));
        }
    }

    @Test
    void anImageOfTheTargetShapeIsKept() {
        Image image = new Image(new ImageShape(2, 2, 3), new float[12]);
        assertSame(image, ShapeConformance.conform(image, new ImageShape(2, 2, 3)));
    }

    @Test
    void largerImagesAndColourToGreyAreRefused() {
        assertFalse(ShapeConformance.fits(new ImageShape(64, 64, 3), new ImageShape(32, 32, 3)));
        assertFalse(ShapeConformance.fits(new ImageShape(32, 32, 3), new ImageShape(32, 32, 1)));
        assertTrue(ShapeConformance.fits(new ImageShape(28, 28, 1), new ImageShape(32, 32, 3)));
        assertThrows(IllegalArgumentException.class,
                () -> ShapeConformance.conform(new Image(new ImageShape(3, 3, 3), new float[27]), new ImageShape(3, 3, 1)));
    }
}
