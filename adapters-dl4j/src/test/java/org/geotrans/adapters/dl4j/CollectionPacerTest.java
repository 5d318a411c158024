package org.geotrans.adapters.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CollectionPacerTest {
    private long now;
    private int collections;

    private CollectionPacer pacer(long collectionNanos) {
        return pacer(0.02, collectionNanos);
    }

    private CollectionPacer pacer(double share, long collectionNanos) {
        return new CollectionPacer(share, () -> now, () -> {
            collections++;
            now += collectionNanos;
        });
    }

    /** Steps of 1000 ns each, the pacer consulted after each. */
    private void steps(CollectionPacer pacer, int count) {
        for (int step = 0; step < count; step++) {
            now += 1000;
            pacer.afterStep();
        }
    }

    @Test
    void givenCheapCollections_thenItCollectsAfterEveryStep() {
        steps(pacer(10), 5); // 2 % of a 1000 ns step pays for a 10 ns collection
        assertEquals(5, collections);
    }

    @Test
    void givenACollectionCostingOneStep_thenItWaitsFiftyStepsBeforeTheNext() {
        steps(pacer(1000), 101);
        // at step 1, then once 2 % of the time since covers the last collection's 1000 ns: steps 51 and 101
        assertEquals(3, collections);
    }

    @Test
    void givenShareZero_thenItNeverCollects() {
        steps(pacer(0, 10), 5);
        assertEquals(0, collections);
    }

    @Test
    void givenAShareOutsideZeroToOne_thenItIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new CollectionPacer(-0.1, () -> 0, () -> { }));
        assertThrows(IllegalArgumentException.class, () -> new CollectionPacer(1, () -> 0, () -> { }));
    }
}
