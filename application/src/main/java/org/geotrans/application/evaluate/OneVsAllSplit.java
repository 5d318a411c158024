package org.geotrans.application.evaluate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The protocol's seeded choices of images: the test subset (the same for every class, detector
 * and run) and each run's sample of the normal class's training images. The one-vs-all use case
 * reports what it chose; train and score, run in separate processes, ask this for the same choice.
 */
public final class OneVsAllSplit {
    private static final long CAP_SALT = 0x6A09E667F3BCC909L;

    /** The test images scored with these settings: indices into the test set, increasing; all of them for limit 0. */
    public int[] testSubset(int testImages, int limit, long seed) {
        return subset(testImages, limit, new Random(seed));
    }

    /**
     * The normal training images of the run with this seed (settings' seed + run): indices into
     * the class's training images, increasing; all of them for limit 0.
     */
    public int[] trainingSample(int classImages, int limit, long runSeed) {
        return subset(classImages, limit, new Random(runSeed));
    }

    /**
     * The test images that a detector with a cap on its test images scores in the run with this
     * seed: {@code cap} of the run's {@code testImages}, drawn at random, as positions among them,
     * increasing; all of them when there are no more than {@code cap}. Drawn from the run's seed
     * mixed with a constant, so that the draw is not the training sample's.
     *
     * @throws IllegalArgumentException for a cap below 1
     */
    public int[] cappedTestPositions(int testImages, int cap, long runSeed) {
        if (cap < 1) {
            throw new IllegalArgumentException("a cap on the test images must be at least 1, got " + cap);
        }
        return subset(testImages, cap, new Random(runSeed ^ CAP_SALT));
    }

    /** The items at these indices, in their order. */
    public <T> List<T> pick(List<T> items, int[] indices) {
        List<T> out = new ArrayList<>(indices.length);
        for (int i : indices) {
            out.add(items.get(i));
        }
        return out;
    }

    private static int[] subset(int n, int limit, Random random) {
        List<Integer> all = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            all.add(i);
        }
        if (limit > 0 && limit < n) {
            Collections.shuffle(all, random);
            all = new ArrayList<>(all.subList(0, limit));
            Collections.sort(all);
        }
        return all.stream().mapToInt(Integer::intValue).toArray();
    }
}
