package org.geotrans.adapters.libtorch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LibtorchTuningTest {
    private static final int CORES = Runtime.getRuntime().availableProcessors();

    @Test
    void givenOmpNumThreads_thenLibtorchUsesThatManyThreads() {
        assertEquals(1, LibtorchTuning.threadsFor("1"));
        assertEquals(CORES + 3, LibtorchTuning.threadsFor(" " + (CORES + 3) + " "));
    }

    @Test
    void givenNoOrAnUnusableOmpNumThreads_thenEveryCoreOfTheJvm() {
        for (String value : new String[] {null, "", "0", "-2", "four", "1,2"}) {
            assertEquals(CORES, LibtorchTuning.threadsFor(value), String.valueOf(value));
        }
    }
}
