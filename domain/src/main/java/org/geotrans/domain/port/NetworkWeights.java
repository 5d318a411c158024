package org.geotrans.domain.port;

import java.util.Locale;

/**
 * The bound on the weights of any network GeoTrans builds, on every backend, checked before they
 * are allocated: images or a saved model's header can ask for a network that would exhaust the
 * memory (a baseline's dense layer grows with the pixels), which must end in one line, not in an
 * out-of-memory error halfway through.
 */
public final class NetworkWeights {
    /** {@link ClassifierSettings#MAX_WEIGHTS}: WRN-28-10 has 36 million. */
    public static final long MAX = ClassifierSettings.MAX_WEIGHTS;

    private NetworkWeights() {
    }

    /**
     * @param network what would have the weights ("Deep SVDD's network for 2048x2048x3 images")
     * @param remedy what makes it smaller, or an empty string
     * @throws IllegalArgumentException when {@code weights} is over {@link #MAX}
     */
    public static void check(String network, long weights, String remedy) {
        if (weights < 0 || weights > MAX) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s would have %s weights; at most %,d are allowed (4 bytes each, and training keeps 3 more copies)%s",
                    network, weights < 0 ? "more than 2^63" : String.format(Locale.ROOT, "%,d", weights), MAX,
                    remedy.isEmpty() ? "" : ": " + remedy));
        }
    }

    /**
     * The product of a tensor's dimensions, or -1 where it overflows or a dimension is negative
     * ({@link #check} reads -1 as too many).
     */
    public static long product(long... dimensions) {
        long p = 1;
        for (long d : dimensions) {
            if (d < 0) {
                return -1;
            }
            try {
                p = Math.multiplyExact(p, d);
            } catch (ArithmeticException e) {
                return -1;
            }
        }
        return p;
    }

    /** A running count plus {@code more}: -1 where either is -1 or the sum overflows, so that -1 stays. */
    public static long plus(long total, long more) {
        return total < 0 || more < 0 || total + more < 0 ? -1 : total + more;
    }
}
