package org.geotrans.adapters.weka;

import weka.core.Instance;
import weka.core.Instances;

/** How attribute values become the pixel values 0..255 the detector expects. */
public enum PixelScaling {
    /** Values are pixel values already; anything outside 0..255 is an error. */
    RAW,
    /**
     * The normal training instances' smallest and largest value map to 0 and 255; later values
     * outside that range are clipped to it. For data that are not 8-bit images.
     */
    MIN_MAX;

    /** The value range of the pixel attributes in {@code data} that maps to 0..255. */
    double[] range(Instances data) {
        if (this == RAW) {
            return new double[] {0, 255};
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Instance instance : data) {
            for (int a = 0; a < instance.numAttributes(); a++) {
                if (a != instance.classIndex()) {
                    lo = Math.min(lo, instance.value(a));
                    hi = Math.max(hi, instance.value(a));
                }
            }
        }
        return new double[] {lo, hi};
    }

    /** A value in 0..255 for {@link #MIN_MAX}; the value itself for {@link #RAW}. */
    static float toPixel(double value, double[] range) {
        double lo = range[0];
        double hi = range[1];
        if (lo == 0 && hi == 255) {
            return (float) value;
        }
        if (!(hi > lo)) {
            return 127.5f;
        }
        return (float) Math.max(0, Math.min(255, (value - lo) / (hi - lo) * 255));
    }
}
