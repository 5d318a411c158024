package org.geotrans.domain.diagnose;

import org.geotrans.domain.image.Image;

/**
 * An image before and after {@link NormalityAscent}, with the simplified normality score along
 * the way.
 *
 * @param before the raw image (0..255) the ascent started from
 * @param after the raw image after the last step
 * @param scores the simplified score before each step and after the last: steps + 1 values
 */
public record AscentTrace(Image before, Image after, double[] scores) {

    /** Root mean square change per value, on the [0, 1] pixel scale. */
    public double rmsChange() {
        float[] a = before.pixels();
        float[] b = after.pixels();
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            double d = (b[i] - a[i]) / 255.0;
            sum += d * d;
        }
        return Math.sqrt(sum / a.length);
    }

    /** Euclidean distance between the two images, on the [0, 1] pixel scale. */
    public double l2Change() {
        return rmsChange() * Math.sqrt(before.pixels().length);
    }
}
