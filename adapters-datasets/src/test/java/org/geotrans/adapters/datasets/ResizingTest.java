package org.geotrans.adapters.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ResizingTest {

    private static ImageDecoder.Pixels grey(int h, int w, int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) values[i];
        }
        return new ImageDecoder.Pixels(h, w, 1, b);
    }

    private static int[] unsigned(byte[] b) {
        int[] out = new int[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = b[i] & 0xFF;
        }
        return out;
    }

    @Test
    void upscalingInterpolatesBetweenPixelCentresLikeOpenCv() {
        ImageDecoder.Pixels out = Resizing.resizeAndCropSquare(grey(2, 2, 0, 100, 100, 200), 4);

        assertArrayEquals(new int[] {
            0, 25, 75, 100,
            25, 50, 100, 125,
            75, 100, 150, 175,
            100, 125, 175, 200}, unsigned(out.hwc()));
    }

    @Test
    void givenAWideImage_thenTheCentreColumnsAreKept() {
        // 1 row, 3 columns, target 1: the shorter side is already 1, so only the middle column remains
        ImageDecoder.Pixels out = Resizing.resizeAndCropSquare(grey(1, 3, 10, 20, 30), 1);

        assertArrayEquals(new int[] {20}, unsigned(out.hwc()));
    }

    @Test
    void givenATallImage_thenTheCentreRowsAreKept() {
        ImageDecoder.Pixels out = Resizing.resizeAndCropSquare(grey(4, 2, 1, 2, 3, 4, 5, 6, 7, 8), 2);

        assertArrayEquals(new int[] {3, 4, 5, 6}, unsigned(out.hwc()));
    }

    @Test
    void anImageOfTheTargetSizeIsLeftAlone() {
        ImageDecoder.Pixels in = grey(2, 2, 1, 2, 3, 4);

        assertSame(in, Resizing.resizeAndCropSquare(in, 2));
    }

    @Test
    void aSideBelowOneIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Resizing.resizeAndCropSquare(grey(1, 1, 0), 0));
    }

    @Test
    void greyIsRepeatedAndColourBecomesLuma() {
        ImageDecoder.Pixels rgb = grey(1, 2, 5, 9).withChannels(3);
        assertArrayEquals(new int[] {5, 5, 5, 9, 9, 9}, unsigned(rgb.hwc()));

        ImageDecoder.Pixels luma = new ImageDecoder.Pixels(1, 1, 3, new byte[] {(byte) 255, 0, 0}).withChannels(1);
        assertArrayEquals(new int[] {76}, unsigned(luma.hwc()));
    }
}
