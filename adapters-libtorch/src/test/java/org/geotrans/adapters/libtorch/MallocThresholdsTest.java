package org.geotrans.adapters.libtorch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Loading libtorch tells glibc to keep freed blocks unless the environment already chose: each
 * case in a fresh child JVM, with an environment the test sets, since the decision is taken once
 * per process when libtorch loads.
 */
class MallocThresholdsTest {

    /** Run in a child JVM: loads libtorch and says whether the thresholds were set. */
    public static final class Probe {
        private Probe() {
        }

        public static void main(String[] args) {
            LibtorchRuntime.ensureLoaded();
            System.out.println("kept freed blocks: " + LibtorchRuntime.keptFreedBlocks());
        }
    }

    @Test
    void anUntouchedEnvironmentGetsTheThresholds() throws Exception {
        assertEquals("true", probe(Map.of()));
    }

    @Test
    void aMallocVariableInTheEnvironmentWins() throws Exception {
        assertEquals("false", probe(Map.of("MALLOC_TRIM_THRESHOLD_", "131072")));
        assertEquals("false", probe(Map.of("MALLOC_MMAP_THRESHOLD_", "131072")));
    }

    @Test
    void aPreloadedAllocatorWins() throws Exception {
        java.nio.file.Path tcmalloc = java.nio.file.Path.of("/usr/lib/x86_64-linux-gnu/libtcmalloc_minimal.so.4");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.exists(tcmalloc), "no tcmalloc here");
        assertEquals("false", probe(Map.of("LD_PRELOAD", tcmalloc.toString())));
    }

    @Test
    void theSystemPropertiesTurnItOff() throws Exception {
        assertEquals("false", probe(Map.of(), "-D" + LibtorchRuntime.MALLOC_SWITCH + "=false"));
        assertEquals("false", probe(Map.of(), "-D" + LibtorchRuntime.SWITCH + "=false"));
    }

    /** What the probe printed, in an environment without allocator settings but {@code extraEnv}. */
    private static String probe(Map<String, String> extraEnv, String... jvmOptions) throws Exception {
        String output = ChildJvm.run(Probe.class, List.of(jvmOptions), env -> {
            env.keySet().removeIf(k -> k.startsWith("MALLOC_") || k.equals("LD_PRELOAD"));
            env.putAll(extraEnv);
        }, 3);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("kept freed blocks: (true|false)").matcher(output);
        assertTrue(m.find(), output);
        return m.group(1);
    }
}
