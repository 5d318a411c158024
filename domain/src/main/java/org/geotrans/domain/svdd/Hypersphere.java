package org.geotrans.domain.svdd;

/**
 * One-Class Deep SVDD's hypersphere (Ruff et al., ICML 2018) in a network's representation
 * space: its centre c is the mean representation of the normal images under the untrained
 * network, with entries closer to 0 than {@link #MIN_ENTRY} pushed out to +-{@value #MIN_ENTRY}
 * (a zero entry is matched trivially by zero weights); an image scores minus the squared distance
 * of its representation to c, so that higher means more normal. Backend-neutral: each backend
 * computes the representations, this does the rest.
 */
public record Hypersphere(float[] centre) {
    /** Ruff et al.'s eps: centre entries are kept at least this far from 0. */
    public static final double MIN_ENTRY = 0.1;

    public Hypersphere {
        if (centre.length == 0) {
            throw new IllegalArgumentException("a hypersphere needs a centre with at least one entry");
        }
        centre = centre.clone();
    }

    /**
     * The hypersphere around the mean of {@code representations}, one row per normal image.
     *
     * @throws IllegalArgumentException without rows, or for rows of different lengths
     */
    public static Hypersphere around(float[][] representations) {
        if (representations.length == 0) {
            throw new IllegalArgumentException("the centre needs at least one representation");
        }
        double[] sum = new double[representations[0].length];
        for (float[] r : representations) {
            checkLength(r, sum.length);
            for (int i = 0; i < sum.length; i++) {
                sum[i] += r[i];
            }
        }
        float[] centre = new float[sum.length];
        for (int i = 0; i < sum.length; i++) {
            double mean = sum[i] / representations.length;
            if (Math.abs(mean) < MIN_ENTRY) {
                mean = mean < 0 ? -MIN_ENTRY : MIN_ENTRY;
            }
            centre[i] = (float) mean;
        }
        return new Hypersphere(centre);
    }

    /**
     * Minus the squared distance of each representation to the centre.
     *
     * @throws IllegalArgumentException for a row whose length is not the centre's
     */
    public double[] scores(float[][] representations) {
        double[] scores = new double[representations.length];
        for (int i = 0; i < scores.length; i++) {
            checkLength(representations[i], centre.length);
            double d = 0;
            for (int f = 0; f < centre.length; f++) {
                double diff = representations[i][f] - centre[f];
                d += diff * diff;
            }
            scores[i] = -d;
        }
        return scores;
    }

    /** The number of entries of the centre, which every representation must have. */
    public int dimension() {
        return centre.length;
    }

    @Override
    public float[] centre() {
        return centre.clone();
    }

    private static void checkLength(float[] row, int length) {
        if (row.length != length) {
            throw new IllegalArgumentException("a representation has " + row.length + " values, the centre " + length);
        }
    }
}
