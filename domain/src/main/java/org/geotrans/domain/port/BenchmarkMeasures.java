package org.geotrans.domain.port;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.geotrans.domain.image.Image;
import org.geotrans.domain.image.ImageShape;

/**
 * What every backend's throughput benchmark measures the same way (inputs, the median, memory),
 * so that their rows can be set side by side.
 */
public final class BenchmarkMeasures {
    private BenchmarkMeasures() {
    }

    /** Images of uniform random pixels in [-1, 1] (the preprocessed range); the backends' tests use them too. */
    public static List<Image> randomImages(ImageShape shape, int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Image> images = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            float[] v = new float[shape.size()];
            for (int j = 0; j < v.length; j++) {
                v[j] = (float) random.nextDouble(-1, 1);
            }
            images.add(new Image(shape, v));
        }
        return images;
    }

    /** The median of timed rounds: one slow round (a page-fault storm, another process) does not move it. */
    public static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** A memory line of /proc/self/status (VmRSS: now, VmHWM: peak) in MB, or -1 where unavailable. */
    public static long rssMegabytes(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
