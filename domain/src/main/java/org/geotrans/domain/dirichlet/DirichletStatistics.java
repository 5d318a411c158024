package org.geotrans.domain.dirichlet;

/**
 * The sufficient statistics of n clipped probability vectors for a Dirichlet fit: the count, the
 * mean vector and the mean of the logs. Accumulating them row by row lets a fit run over the
 * softmax outputs of thousands of images under 72 transformations without copying them.
 *
 * @param count number of observations, at least 2
 * @param mean mean_i p_ij per category j (copied)
 * @param meanLog mean_i log p_ij per category j (copied)
 */
public record DirichletStatistics(int count, double[] mean, double[] meanLog) {

    public DirichletStatistics {
        if (count < 2) {
            throw new IllegalArgumentException(
                    "a Dirichlet fit needs at least 2 observations, got " + count);
        }
        if (mean.length != meanLog.length || mean.length < 2) {
            throw new IllegalArgumentException("mean and mean log must have the same length >= 2, got "
                    + mean.length + " and " + meanLog.length);
        }
        mean = mean.clone();
        meanLog = meanLog.clone();
    }

    /** Number of categories k. */
    public int dimension() {
        return mean.length;
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[] meanLog() {
        return meanLog.clone();
    }

    /**
     * Statistics of n x k observations, each clipped by {@code clipping} first.
     *
     * @throws IllegalArgumentException if there are fewer than 2 rows, rows differ in length, have
     *                                  fewer than 2 categories, or a row is not a probability vector
     */
    public static DirichletStatistics of(double[][] observations, SimplexClipping clipping) {
        if (observations.length < 2) {
            throw new IllegalArgumentException(
                    "a Dirichlet fit needs at least 2 observations, got " + observations.length);
        }
        int k = observations[0].length;
        Accumulator accumulator = new Accumulator(k);
        for (int i = 0; i < observations.length; i++) {
            if (observations[i].length != k) {
                throw new IllegalArgumentException("observation " + i + " has " + observations[i].length
                        + " categories, observation 0 has " + k);
            }
            accumulator.add(clipping.clip(observations[i], "observation " + i));
        }
        return accumulator.statistics();
    }

    /**
     * Statistics of the rows of a row-major {@code rows} x {@code k} float matrix (softmax outputs),
     * each clipped by {@code clipping} first.
     *
     * @throws IllegalArgumentException if the sizes disagree, there are fewer than 2 rows or a row is
     *                                  not a probability vector
     */
    public static DirichletStatistics of(float[] rowMajor, int rows, int k, SimplexClipping clipping) {
        if (rows < 2) {
            throw new IllegalArgumentException("a Dirichlet fit needs at least 2 observations, got " + rows);
        }
        if (k < 2 || rowMajor.length != (long) rows * k) {
            throw new IllegalArgumentException("expected " + rows + " observations x " + k
                    + " categories (k >= 2) = " + ((long) rows * k) + " values, got " + rowMajor.length);
        }
        Accumulator accumulator = new Accumulator(k);
        double[] row = new double[k];
        for (int i = 0; i < rows; i++) {
            clipping.clipInto(rowMajor, i * k, row, "observation ", i);
            accumulator.add(row);
        }
        return accumulator.statistics();
    }

    private static final class Accumulator {
        private final double[] sum;
        private final double[] sumLog;
        private int count;

        Accumulator(int k) {
            if (k < 2) {
                throw new IllegalArgumentException("a Dirichlet needs at least 2 categories, got " + k);
            }
            sum = new double[k];
            sumLog = new double[k];
        }

        void add(double[] clipped) {
            for (int j = 0; j < clipped.length; j++) {
                sum[j] += clipped[j];
                sumLog[j] += Math.log(clipped[j]);
            }
            count++;
        }

        DirichletStatistics statistics() {
            double[] mean = new double[sum.length];
            double[] meanLog = new double[sum.length];
            for (int j = 0; j < sum.length; j++) {
                mean[j] = sum[j] / count;
                meanLog[j] = sumLog[j] / count;
            }
            return new DirichletStatistics(count, mean, meanLog);
        }
    }
}
