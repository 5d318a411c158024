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

    @Test
    void givenCheapCollections_thenItCollectsAfterEveryStep() {
        CollectionPacer pacer = pacer(10);
        for (int step = 0; step < 5; step++) {
            now += 1000; // a step of 1000 ns; 2 % of it pays for a 10 ns collection
            pacer.afterStep();
        }
        assertEquals(5, collections);
    }

    @Test
    void givenACollectionCostingOneStep_thenItWaitsFiftyStepsBeforeTheNext() {
        CollectionPacer pacer = pacer(1000);
        for (int step = 0; step < 101; step++) {
            now += 1000;
            pacer.afterStep();
        }
        // at step 1, then once 2 % of the time since covers the last collection's 1000 ns: steps 51 and 101
        assertEquals(3, collections);
    }

    @Test
    void givenShareZero_thenItNeverCollects() {
        CollectionPacer pacer = pacer(0, 10);
        for (int step = 0; step < 5; step++) {
            now += 1000;
            pacer.afterStep();
        }
        assertEquals(0, collections);
    }

    @Test
    void givenAShareOutsideZeroToOne_thenItIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new CollectionPacer(-0.1, () -> 0, () -> { }));
        assertThrows(IllegalArgumentException.class, () -> new CollectionPacer(1, () -> 0, () -> { }));
    }
}
