package org.geotrans.adapters.dl4j;

import java.util.function.LongSupplier;

/**
 * Runs the garbage collector between training steps, as often as a bounded share of the time
 * allows. ND4J frees an array's native memory only once the collector has cleared its Java object,
 * and each DL4J training step leaves about 1500 such objects behind. With a large young generation
 * the collector seldom runs, so native memory piled up: WRN-10-4 grew from 1.36 to 1.97 GB in 50
 * steps, and stayed at 1.48 GB with a collection after every step, at the same speed (BENCHMARK.md).
 * A collection is started only when the previous one took at most {@code maxShare} of the time
 * since, so a host with a large live heap (Weka with a big dataset) collects rarely; share 0
 * never collects.
 */
final class CollectionPacer {
    static final double DEFAULT_SHARE = 0.02;
    /** System property: the share of time collections may take; 0 switches them off. */
    static final String SHARE_PROPERTY = "geotrans.dl4j.collectionShare";

    private final double maxShare;
    private final LongSupplier nanoClock;
    private final Runnable collector;
    private long lastEnd;
    private long lastCost;

    /** The pacer configured by {@value #SHARE_PROPERTY}, or one that never collects where it is 0. */
    static CollectionPacer fromSystemProperty() {
        String text = System.getProperty(SHARE_PROPERTY, String.valueOf(DEFAULT_SHARE));
        try {
            return new CollectionPacer(Double.parseDouble(text), System::nanoTime, System::gc);
        } catch (IllegalArgumentException e) { // NumberFormatException included
            throw new IllegalArgumentException("system property " + SHARE_PROPERTY
                    + " must be a share of time in [0, 1), got '" + text + "'");
        }
    }

    CollectionPacer(double maxShare, LongSupplier nanoClock, Runnable collector) {
        if (!(maxShare >= 0 && maxShare < 1)) {
            throw new IllegalArgumentException("share of time for collections must be in [0, 1), got " + maxShare);
        }
        this.maxShare = maxShare;
        this.nanoClock = nanoClock;
        this.collector = collector;
        this.lastEnd = nanoClock.getAsLong();
    }

    /** Called after each step; collects when the time since the last collection pays for it. */
    void afterStep() {
        if (maxShare == 0) {
            return;
        }
        long now = nanoClock.getAsLong();
        if (lastCost <= maxShare * (now - lastEnd)) {
            collector.run();
            lastEnd = nanoClock.getAsLong();
            lastCost = lastEnd - now;
        }
    }
}
