package org.geotrans.adapters.dl4j;

import com.sun.jna.Library;
import com.sun.jna.Native;

/**
 * Process settings for the native code that a launcher would otherwise set as environment
 * variables, applied from Java (neither the CLI nor Weka users pass them):
 * <ul>
 *   <li>{@code GOMP_SPINCOUNT=10000}, before ND4J loads: the OpenMP runtime bundled with
 *       nd4j-native spins up to 300000 times while waiting. When the cores are shared with other
 *       work (our 2-core build host), the spinning threads starve each other: training ran 2.5x
 *       slower than with {@code OMP_WAIT_POLICY=PASSIVE}. Passive waiting in turn cost 16 % on a
 *       quiet machine; a short spin keeps most of both (BENCHMARK.md). libgomp reads this when it
 *       loads, so it is set in the C environment first;</li>
 *   <li>one glibc malloc arena ({@code MALLOC_ARENA_MAX=1}): the batch-building thread otherwise
 *       gets an arena of its own that keeps its freed blocks apart (200 MB less peak, no loss of
 *       speed measured);</li>
 *   <li>{@link #keepFreedMemory()}, called after the first step of each training (and
 *       {@link #returnFreedMemory()} before it): from then on malloc
 *       reuses freed blocks instead of mapping and unmapping large buffers every step (about 20 %
 *       faster training). Not from the start: DL4J sizes its workspaces in the first step by
 *       allocating everything outside them first, and memory kept from that step would stay
 *       resident beside the workspaces (600 MB more peak);</li>
 *   <li>{@link #releaseFreeMemory()}: hands freed memory back to the system after training.</li>
 * </ul>
 * A variable already in the environment wins. {@value #SWITCH}{@code =false} turns all of this off.
 */
final class NativeTuning {
    static final String SWITCH = "geotrans.dl4j.nativeTuning";
    private static final int M_TRIM_THRESHOLD = -1;
    private static final int M_MMAP_MAX = -4;
    private static final int M_ARENA_MAX = -8;
    private static final String SPIN_COUNT = "10000";
    private static final int TRIM_THRESHOLD = Integer.MAX_VALUE; // mallopt takes an int: 2 GB
    private static final int GLIBC_MMAP_MAX = 65536;
    private static final int GLIBC_TRIM_THRESHOLD = 128 * 1024;

    /** The C library functions used; JNA binds them by name. */
    interface LibC extends Library {
        int setenv(String name, String value, int overwrite);

        int mallopt(int param, int value);

        int malloc_trim(long pad);
    }

    private static volatile LibC libc;

    private NativeTuning() {
    }

    /** Applies the start-up settings; returns what was done, for the start-up log line. */
    static String apply() {
        if (!enabled()) {
            return "native tuning off";
        }
        if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
            return "native tuning skipped (not Linux)";
        }
        try {
            libc = (LibC) Native.loadLibrary("c", LibC.class);
        } catch (LinkageError e) { // e.g. JNA's own native part already loaded by another class loader
            return "native tuning skipped (" + e + ")";
        }
        StringBuilder done = new StringBuilder();
        if (System.getenv("OMP_WAIT_POLICY") == null && System.getenv("GOMP_SPINCOUNT") == null) {
            libc.setenv("GOMP_SPINCOUNT", SPIN_COUNT, 0);
            done.append("OpenMP spin limited to ").append(SPIN_COUNT);
        }
        if (System.getenv("MALLOC_ARENA_MAX") == null) {
            done.append(done.isEmpty() ? "" : ", ")
                    .append(mallopt(M_ARENA_MAX, 1) ? "one malloc arena" : "mallopt refused");
        }
        return done.isEmpty() ? "native settings from the environment" : done.toString();
    }

    /**
     * From now on malloc keeps freed memory for reuse (what {@code MALLOC_MMAP_MAX_=0
     * MALLOC_TRIM_THRESHOLD_=2147483647} do). Does nothing where the user set either.
     */
    static void keepFreedMemory() {
        if (libc == null || userChoseMalloc()) {
            return;
        }
        mallopt(M_MMAP_MAX, 0);
        mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD);
    }

    /**
     * Back to glibc's own limits: large blocks are mapped and returned to the system when freed.
     * Called before a training's first step, so a second training in the same process sizes its
     * workspaces without keeping what it allocated meanwhile (2.1 GB instead of 1.5 GB peak).
     */
    static void returnFreedMemory() {
        if (libc == null || userChoseMalloc()) {
            return;
        }
        mallopt(M_MMAP_MAX, GLIBC_MMAP_MAX);
        mallopt(M_TRIM_THRESHOLD, GLIBC_TRIM_THRESHOLD);
    }

    /** Returns the free memory malloc kept to the system (after training, before predicting). */
    static void releaseFreeMemory() {
        if (libc == null || userChoseMalloc()) {
            return;
        }
        try {
            libc.malloc_trim(0);
        } catch (LinkageError e) {
            // not glibc: nothing was kept either
        }
    }

    private static boolean enabled() {
        return Boolean.parseBoolean(System.getProperty(SWITCH, "true"));
    }

    private static boolean userChoseMalloc() {
        return System.getenv("MALLOC_MMAP_MAX_") != null || System.getenv("MALLOC_TRIM_THRESHOLD_") != null;
    }

    private static boolean mallopt(int param, int value) {
        try {
            return libc.mallopt(param, value) == 1;
        } catch (LinkageError e) { // not glibc
            return false;
        }
    }
}
