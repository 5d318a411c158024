package org.geotrans.adapters.dl4j;

import com.sun.jna.Library;
import com.sun.jna.Native;

/**
 * Process settings for the native code that a launcher would otherwise set as environment
 * variables, applied from Java before ND4J loads its libraries (neither the CLI nor Weka users
 * pass them):
 * <ul>
 *   <li>{@code GOMP_SPINCOUNT=10000}: the OpenMP runtime bundled with nd4j-native spins up to
 *       300000 times while waiting. When the cores are shared with other work (our 2-core build
 *       host), the spinning threads starve each other: training ran 2.5x slower than with
 *       {@code OMP_WAIT_POLICY=PASSIVE}. Passive waiting in turn cost 16 % on a quiet machine; a
 *       short spin keeps most of both (BENCHMARK.md). libgomp reads this when it loads, so it is
 *       set in the C environment first;</li>
 *   <li>glibc {@code mallopt(M_MMAP_MAX, 0)} and a 64 GB {@code M_TRIM_THRESHOLD} (what
 *       {@code MALLOC_MMAP_MAX_=0 MALLOC_TRIM_THRESHOLD_=68719476736} do): the large activation
 *       buffers are reused instead of being mapped and unmapped every step.</li>
 * </ul>
 * A variable already in the environment wins. {@value #SWITCH}{@code =false} turns all of this off.
 */
final class NativeTuning {
    static final String SWITCH = "geotrans.dl4j.nativeTuning";
    private static final int M_TRIM_THRESHOLD = -1;
    private static final int M_MMAP_MAX = -4;
    private static final String SPIN_COUNT = "10000";
    private static final int TRIM_THRESHOLD = Integer.MAX_VALUE; // mallopt takes an int: 2 GB, not 64

    /** The C library functions used; JNA binds them by name. */
    interface LibC extends Library {
        int setenv(String name, String value, int overwrite);

        int mallopt(int param, int value);
    }

    private NativeTuning() {
    }

    /** Applies the settings; returns what was done, for the start-up log line. */
    static String apply() {
        if (!Boolean.parseBoolean(System.getProperty(SWITCH, "true"))) {
            return "native tuning off";
        }
        if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
            return "native tuning skipped (not Linux)";
        }
        LibC libc;
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
        if (System.getenv("MALLOC_MMAP_MAX_") == null && System.getenv("MALLOC_TRIM_THRESHOLD_") == null) {
            try {
                boolean ok = libc.mallopt(M_MMAP_MAX, 0) == 1 & libc.mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD) == 1;
                done.append(done.isEmpty() ? "" : ", ").append(ok ? "malloc keeps freed memory" : "mallopt refused");
            } catch (LinkageError e) {
                done.append(done.isEmpty() ? "" : ", ").append("no mallopt (not glibc)");
            }
        }
        return done.isEmpty() ? "native settings from the environment" : done.toString();
    }
}
