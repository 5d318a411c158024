package org.geotrans.adapters.libtorch;

import static org.bytedeco.pytorch.global.torch.clear_cache;
import static org.bytedeco.pytorch.global.torch.decrement_nesting;
import static org.bytedeco.pytorch.global.torch.increment_nesting;
import static org.bytedeco.pytorch.global.torch.set_autocast_dtype;
import static org.bytedeco.pytorch.global.torch.set_autocast_enabled;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.io.IOException;
import java.util.function.Supplier;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.pytorch.global.torch;
import org.bytedeco.pytorch.global.torch.DeviceType;
import org.bytedeco.pytorch.global.torch.ScalarType;

/**
 * Loads libtorch once per JVM and wraps what is thread-local in it (autocast). JavaCPP unpacks the
 * natives into its cache ({@code ~/.javacpp/cache}, or {@code -Dorg.bytedeco.javacpp.cachedir}) on
 * first use, about 450 MB.
 */
public final class LibtorchRuntime {
    /** The libtorch release of the presets on the class path. */
    public static final String LIBTORCH_VERSION = "2.10.0";
    /** System property that turns the OpenMP spin limit and the malloc thresholds off. */
    public static final String SWITCH = "geotrans.libtorch.nativeTuning";
    /** System property that turns the malloc thresholds alone off. */
    public static final String MALLOC_SWITCH = "geotrans.libtorch.mallocThresholds";
    private static final String SPIN_COUNT = "10000";
    private static volatile boolean loaded;
    private static volatile boolean keptFreedBlocks;
    // glibc's mallopt parameters and the launcher's values (bin/geotrans)
    private static final int M_TRIM_THRESHOLD = -1;
    private static final int M_TOP_PAD = -2;
    private static final int M_MMAP_THRESHOLD = -3;
    private static final int MMAP_THRESHOLD = 32 * 1024 * 1024;
    private static final int TOP_PAD = 256 * 1024 * 1024;

    private LibtorchRuntime() {
    }

    /** Loads the natives (idempotent); fails with one line naming the cause. */
    public static synchronized void ensureLoaded() {
        if (loaded) {
            return;
        }
        limitOpenMpSpinning();
        keepLargeFreedBlocks();
        try {
            unpackAllNatives();
            Loader.load(torch.class);
            // NNPACK cannot run on this processor family and says so on stderr at every convolution
            // it is offered (single-channel inputs); oneDNN does the work either way
            torch.globalContext().setUserEnabledNNPACK(false);
        } catch (UnsatisfiedLinkError | RuntimeException | IOException e) {
            throw new IllegalStateException("libtorch could not be loaded (" + e.getMessage()
                    + "); is the pytorch linux-x86_64 jar on the class path?", e);
        }
        loaded = true;
    }

    /**
     * {@code GOMP_SPINCOUNT=10000} in the C environment before libtorch's libgomp loads (it reads
     * the variable once, then): libgomp otherwise spins up to 300000 times at every barrier, and
     * when the cores are shared with other work the spinning threads starve each other (the DL4J
     * adapter measured 2.5x slower training on our 2-core host; see its NativeTuning). A value
     * already in the environment, or {@code OMP_WAIT_POLICY}, wins; {@value #SWITCH}{@code =false}
     * leaves the environment alone.
     */
    private static void limitOpenMpSpinning() {
        if (!nativeTuningOn() || System.getenv("OMP_WAIT_POLICY") != null || System.getenv("GOMP_SPINCOUNT") != null) {
            return;
        }
        LibC libc = libc();
        if (libc != null) {
            libc.setenv("GOMP_SPINCOUNT", SPIN_COUNT, 0);
        }
    }

    /**
     * glibc's malloc told to keep the blocks libtorch frees on every step, as {@code bin/geotrans}
     * does through MALLOC_MMAP_THRESHOLD_, MALLOC_TRIM_THRESHOLD_ and MALLOC_TOP_PAD_ when tcmalloc is
     * missing: a JVM the launcher did not start (Weka's) otherwise returns each step's activations to
     * the kernel and faults them in again (BENCHMARK.md, "The memory allocator": 1.2-1.5x). Skipped
     * when any of those variables is set, when another allocator is preloaded, or with
     * {@value #SWITCH}{@code =false} or {@value #MALLOC_SWITCH}{@code =false}.
     */
    private static void keepLargeFreedBlocks() {
        if (!nativeTuningOn() || !Boolean.parseBoolean(System.getProperty(MALLOC_SWITCH, "true"))
                || System.getenv("MALLOC_MMAP_THRESHOLD_") != null || System.getenv("MALLOC_TRIM_THRESHOLD_") != null
                || System.getenv("MALLOC_TOP_PAD_") != null
                || System.getenv().getOrDefault("LD_PRELOAD", "").contains("malloc")) {
            return;
        }
        LibC libc = libc();
        if (libc == null) {
            return;
        }
        try {
            libc.mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD);
            libc.mallopt(M_TRIM_THRESHOLD, Integer.MAX_VALUE); // mallopt takes an int; the launcher's 4 GB is 2 GB here
            libc.mallopt(M_TOP_PAD, TOP_PAD);
            keptFreedBlocks = true;
        } catch (LinkageError e) {
            // a C library without mallopt (not glibc): malloc keeps its defaults
        }
    }

    /** Whether the C environment and malloc may be tuned: on Linux, unless {@value #SWITCH}{@code =false}. */
    private static boolean nativeTuningOn() {
        return Boolean.parseBoolean(System.getProperty(SWITCH, "true"))
                && System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux");
    }

    /** The C library through JNA, or null where JNA's native part cannot load (e.g. another class loader has it). */
    private static LibC libc() {
        try {
            return (LibC) Native.loadLibrary("c", LibC.class);
        } catch (LinkageError e) {
            return null;
        }
    }

    /** Whether {@link #ensureLoaded} told glibc to keep freed blocks (for tests and provenance). */
    static boolean keptFreedBlocks() {
        return keptFreedBlocks;
    }

    /** The C library functions used; JNA binds them by name. */
    interface LibC extends Library {
        int setenv(String name, String value, int overwrite);

        int mallopt(int param, int value);
    }

    /**
     * Unpacks every native library of the presets into JavaCPP's cache before the first is loaded.
     * JavaCPP otherwise unpacks them one by one as it loads them, so on a first run (empty cache) a
     * library's dependency is not yet beside it and the dynamic linker takes the system's copy of
     * the same name instead: Debian's python3-torch puts libtorch 1.13's libtorch_cpu.so and
     * libc10.so in /lib, and mixing the two crashed the JVM (SIGSEGV in pthread_mutex_lock).
     */
    private static void unpackAllNatives() throws IOException {
        Loader.cacheResources(torch.class, "/org/bytedeco/pytorch/" + Loader.getPlatform() + "/");
    }

    /** Sets libtorch's intra-op threads; a process-wide setting. */
    public static void useThreads(int threads) {
        ensureLoaded();
        if (torch.get_num_threads() != threads) {
            torch.set_num_threads(threads);
        }
    }

    /** A one-line description for provenance: version, threads, precision. */
    public static String describe(LibtorchTuning tuning) {
        return "libtorch " + LIBTORCH_VERSION + " (CPU, " + tuning.threads() + " threads, " + tuning.precision().id() + ")";
    }

    /** Runs {@code body} with autocast off on this thread, then restores what was set. */
    public static <T> T inFp32(Supplier<T> body) {
        boolean was = torch.is_autocast_enabled(DeviceType.CPU);
        if (!was) {
            return body.get();
        }
        set_autocast_enabled(DeviceType.CPU, false);
        try {
            return body.get();
        } finally {
            set_autocast_enabled(DeviceType.CPU, true);
        }
    }

    /**
     * Runs {@code body} with bf16 autocast on this thread when {@code precision} asks for it, as
     * Python's {@code torch.autocast('cpu', dtype=torch.bfloat16)} does (there is no guard class in
     * the Java mapping): the cast weights are cached for the nesting and dropped at its end.
     */
    public static <T> T withPrecision(Precision precision, Supplier<T> body) {
        if (precision != Precision.BF16) {
            return body.get();
        }
        set_autocast_dtype(DeviceType.CPU, ScalarType.BFloat16);
        set_autocast_enabled(DeviceType.CPU, true);
        increment_nesting();
        try {
            return body.get();
        } finally {
            if (decrement_nesting() == 0) {
                clear_cache();
            }
            set_autocast_enabled(DeviceType.CPU, false);
        }
    }
}
