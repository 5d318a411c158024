package org.geotrans.adapters.libtorch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Loading libtorch tells glibc to keep freed blocks unless the environment already chose. */
class MallocThresholdsTest {
    @Test
    void loadingLibtorchSetsTheThresholdsExactlyWhenNothingElseChoseTheAllocatorsBehaviour() {
        LibtorchRuntime.ensureLoaded();
        Map<String, String> env = System.getenv();
        boolean userChose = env.containsKey("MALLOC_MMAP_THRESHOLD_") || env.containsKey("MALLOC_TRIM_THRESHOLD_")
                || env.containsKey("MALLOC_TOP_PAD_") || env.getOrDefault("LD_PRELOAD", "").contains("malloc")
                || "false".equals(System.getProperty(LibtorchRuntime.SWITCH))
                || "false".equals(System.getProperty(LibtorchRuntime.MALLOC_SWITCH));
        assertEquals(!userChose, LibtorchRuntime.keptFreedBlocks(), "environment: " + env.keySet());
    }
}
