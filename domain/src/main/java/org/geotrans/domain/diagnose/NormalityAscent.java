package org.geotrans.domain.diagnose;

import java.util.Arrays;
import org.geotrans.domain.detector.GeoTransDetector;
import org.geotrans.domain.image.Image;
import org.geotrans.domain.image.ImageBatch;
import org.geotrans.domain.image.ImageShape;
import org.geotrans.domain.port.InputGradients;
import org.geotrans.domain.port.ProgressListener;
import org.geotrans.domain.port.ProgressStage;
import org.geotrans.domain.port.TrainingProgress;
import org.geotrans.domain.transform.TransformationSet;

/**
 * Gradient ascent on an input image towards a higher simplified normality score, as the paper's
 * Figure 1 was made ({@code intuition_experiments.py} of the reference code). The image lives on
 * the [0, 1] scale; each step adds the score's gradient times {@link AscentOptions#stepScale()},
 * only at the pixels whose |gradient x pixel| is among the largest
 * {@link AscentOptions#keepFraction()}, then blurs the image with a Gaussian of
 * {@link AscentOptions#blurSigma()} (scipy's {@code gaussian_filter}: reflect mode, radius
 * 4 sigma rounded) and clips it to [0, 1] (the reference clips only at the end; clipping each
 * step keeps every intermediate image a valid input).
 *
 * <p>The gradient is the detector's own: through its preprocessing, each of its k transformations
 * (pixel moves, whose adjoint sums the moved gradients back) and its classifier, which must offer
 * {@link InputGradients}.
 */
public final class NormalityAscent {
    private final GeoTransDetector detector;
    private final InputGradients gradients;
    private final ImageShape raw;
    private final ImageShape input;
    private final int[] rawToInput;
    private final int[][] sourcePixels;

    /**
     * @throws IllegalArgumentException when the detector's classifier offers no input gradients
     */
    public NormalityAscent(GeoTransDetector detector) {
        if (!(detector.classifier() instanceof InputGradients g)) {
            throw new IllegalArgumentException("the " + detector.classifier().backend() + " backend offers no input "
                    + "gradients, which gradient ascent needs");
        }
        this.detector = detector;
        this.gradients = g;
        this.raw = detector.rawShape();
        this.input = detector.preprocessing().outputShape(raw);
        this.rawToInput = detector.preprocessing().inputIndices(raw);
        this.sourcePixels = detector.transformations().sourcePixelMaps(input);
    }

    /**
     * Runs the ascent on one raw image (values 0..255).
     *
     * @throws IllegalArgumentException when the image's shape is not the detector's
     */
    public AscentTrace run(Image start, AscentOptions options, ProgressListener progress) {
        if (!start.shape().equals(raw)) {
            throw new IllegalArgumentException("the image has shape " + start.shape() + ", the detector was trained on "
                    + raw + " images");
        }
        float[] p = start.pixels();
        for (int i = 0; i < p.length; i++) {
            p[i] /= 255f;
        }
        double[] scores = new double[options.steps() + 1];
        long began = System.nanoTime();
        for (int step = 0; step < options.steps(); step++) {
            Image preprocessed = detector.preprocessing().apply(toRaw(p));
            float[] g = rawGradient(preprocessed);
            scores[step] = simplifiedScore(preprocessed);
            float[] moved = new float[p.length];
            for (int i = 0; i < p.length; i++) {
                moved[i] = Math.abs(g[i] * p[i]);
            }
            double threshold = percentile(moved, 100 * (1 - options.keepFraction()));
            for (int i = 0; i < p.length; i++) {
                if (moved[i] >= threshold) {
                    p[i] += (float) (options.stepScale() * g[i]);
                }
            }
            p = blur(p, raw, options.blurSigma());
            for (int i = 0; i < p.length; i++) {
                p[i] = Math.min(1f, Math.max(0f, p[i]));
            }
            double seconds = Math.max((System.nanoTime() - began) / 1e9, 1e-9);
            double rate = (step + 1) / seconds;
            progress.onProgress(new TrainingProgress(ProgressStage.ASCENT, 0, 0, step + 1, options.steps(), Double.NaN,
                    rate * detector.transformations().size(), (options.steps() - step - 1) / rate));
        }
        Image after = toRaw(p);
        scores[options.steps()] = simplifiedScore(detector.preprocessing().apply(after));
        return new AscentTrace(start, after, scores);
    }

    /** The simplified score's gradient with respect to the [0, 1] raw pixels. */
    private float[] rawGradient(Image preprocessed) {
        TransformationSet set = detector.transformations();
        int k = set.size();
        float[] batch = new float[k * input.size()];
        int[] classes = new int[k];
        for (int j = 0; j < k; j++) {
            preprocessed.gatherInto(sourcePixels[j], batch, j * input.size());
            classes[j] = j;
        }
        float[] perCopy = gradients.softmaxGradient(new ImageBatch(input, k, batch), classes);
        // the adjoint of each gather: the gradient at every output pixel goes back to its source
        float[] atInput = new float[input.size()];
        int channels = input.channels();
        for (int j = 0; j < k; j++) {
            int offset = j * input.size();
            int[] map = sourcePixels[j];
            for (int q = 0; q < map.length; q++) {
                for (int c = 0; c < channels; c++) {
                    atInput[map[q] * channels + c] += perCopy[offset + q * channels + c];
                }
            }
        }
        // the score is the mean over the k copies; a raw value v in [0, 1] enters as 255 v / 127.5 - 1
        float[] g = new float[raw.size()];
        for (int i = 0; i < g.length; i++) {
            g[i] = atInput[rawToInput[i]] * 2f / k;
        }
        return g;
    }

    private double simplifiedScore(Image preprocessed) {
        var outputs = GeoTransDetector.predictAll(detector.classifier(), detector.transformations(),
                java.util.List.of(preprocessed), detector.transformations().size());
        double sum = 0;
        for (int j = 0; j < outputs.transformationCount(); j++) {
            sum += outputs.get(j, 0, j);
        }
        return sum / outputs.transformationCount();
    }

    private Image toRaw(float[] unit) {
        float[] v = new float[unit.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.min(255f, Math.max(0f, unit[i] * 255f));
        }
        return new Image(raw, v);
    }

    /** numpy's default percentile: linear between the two nearest ranks. */
    static double percentile(float[] values, double q) {
        float[] sorted = values.clone();
        Arrays.sort(sorted);
        double position = q / 100 * (sorted.length - 1);
        int lo = (int) Math.floor(position);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (position - lo) * (sorted[hi] - sorted[lo]);
    }

    /** scipy.ndimage.gaussian_filter over rows and columns (not channels): reflect mode, truncate 4. */
    static float[] blur(float[] image, ImageShape raw, double sigma) {
        if (sigma == 0) {
            return image;
        }
        int radius = (int) (4 * sigma + 0.5);
        double[] kernel = new double[2 * radius + 1];
        double sum = 0;
        for (int d = -radius; d <= radius; d++) {
            kernel[d + radius] = Math.exp(-0.5 * d * d / (sigma * sigma));
            sum += kernel[d + radius];
        }
        for (int i = 0; i < kernel.length; i++) {
            kernel[i] /= sum;
        }
        float[] rows = pass(image, raw, kernel, radius, true);
        return pass(rows, raw, kernel, radius, false);
    }

    private static float[] pass(float[] image, ImageShape raw, double[] kernel, int radius, boolean alongRows) {
        int h = raw.height();
        int w = raw.width();
        int ch = raw.channels();
        float[] out = new float[image.length];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                for (int k = 0; k < ch; k++) {
                    double v = 0;
                    for (int d = -radius; d <= radius; d++) {
                        int rr = alongRows ? reflect(r + d, h) : r;
                        int cc = alongRows ? c : reflect(c + d, w);
                        v += kernel[d + radius] * image[raw.index(rr, cc, k)];
                    }
                    out[raw.index(r, c, k)] = (float) v;
                }
            }
        }
        return out;
    }

    /** scipy's 'reflect' (half-sample symmetric). */
    private static int reflect(int i, int n) {
        int period = 2 * n;
        int m = Math.floorMod(i, period);
        return m < n ? m : period - 1 - m;
    }
}
