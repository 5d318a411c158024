package org.geotrans.domain.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PreprocessingTest {

    @Test
    void scalesEightBitValuesToMinusOneOne() {
        assertEquals(-1f, Preprocessing.scale(0));
        assertEquals(1f, Preprocessing.scale(255));
        assertEquals(0f, Preprocessing.scale(127.5f), 1e-7);
    }

    @Test
    void padsTwentyEightToThirtyTwoWithBlackCentred() {
        float[] v = new float[28 * 28];
        java.util.Arrays.fill(v, 255);
        Image out = new Preprocessing(32).apply(new Image(new ImageShape(28, 28, 1), v));
        assertEquals(new ImageShape(32, 32, 1), out.shape());
        assertEquals(-1f, out.value(0, 0, 0));
        assertEquals(-1f, out.value(1, 5, 0));
        assertEquals(1f, out.value(2, 2, 0));
        assertEquals(1f, out.value(29, 29, 0));
        assertEquals(-1f, out.value(30, 29, 0));
    }

    @Test
    void refusesValuesOutsideTheRawRangeAndImagesLargerThanThePad() {
        Image bad = new Image(new ImageShape(1, 2, 1), new float[] {0, 300});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Preprocessing.SCALE_ONLY.apply(bad));
        assertTrue(e.getMessage().contains("0..255"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Preprocessing(16).outputShape(new ImageShape(28, 28, 1)));
    }

    @Test
    void imagesRefuseWrongSizesAndNonFiniteValues() {
        assertThrows(IllegalArgumentException.class, () -> new Image(new ImageShape(2, 2, 1), new float[3]));
        assertThrows(IllegalArgumentException.class, () -> new Image(new ImageShape(1, 1, 1), new float[] {Float.NaN}));
        assertThrows(IllegalArgumentException.class, () -> ImageShape.parse("32x32"));
        assertEquals(new ImageShape(28, 28, 1), ImageShape.parse("28x28x1"));
    }

    @Test
    void thePapersRulePadsOnlyMnistSizedImages() {
        assertEquals(new Preprocessing(32), Preprocessing.paperFor(new ImageShape(28, 28, 1)));
        assertEquals(new Preprocessing(32), Preprocessing.paperFor(new ImageShape(28, 28, 3)));
        assertEquals(Preprocessing.SCALE_ONLY, Preprocessing.paperFor(new ImageShape(32, 32, 3)));
        assertEquals(Preprocessing.SCALE_ONLY, Preprocessing.paperFor(new ImageShape(28, 30, 1)));
    }
}
