package org.geotrans.adapters.dl4j;

import java.lang.System.Logger.Level;
import java.util.Objects;
import java.util.function.Supplier;
import org.deeplearning4j.config.DL4JClassLoading;
import org.deeplearning4j.nn.layers.mkldnn.BaseMKLDNNHelper;
import org.nd4j.common.config.ND4JClassLoading;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Starts ND4J/DL4J the way this adapter needs, once per class loader, and lets hosts run code
 * with the right context class loader.
 *
 * <p>Call {@link #ensureInitialised()} before anything touches ND4J: the provider does so in its
 * constructor. It sets, unless the user already chose otherwise,
 * <ul>
 *   <li>{@value #HELPERS_DISABLE}{@code =false}: DL4J 1.0.0-M2.1 creates no oneDNN layer helper
 *       without it;</li>
 *   <li>{@value #PLATFORM_EXTENSION}{@code =-onednn} when the oneDNN native build is on our class
 *       path: JavaCPP looks for natives under {@code linux-x86_64} otherwise and we ship only
 *       {@code linux-x86_64-onednn};</li>
 *   <li>the ND4J and DL4J class loaders to the loader of this class, so that backends, helpers and
 *       natives are found inside Weka's package class loader too;</li>
 *   <li>the OpenMP and malloc settings of {@link NativeTuning}.</li>
 * </ul>
 * Memory: the networks use DL4J workspaces (ENABLED) for training and inference, and every
 * per-batch input, label and output array is closed as soon as it is used, so off-heap memory
 * does not pile up waiting for the garbage collector; JavaCPP's own cap on off-heap memory
 * ({@code org.bytedeco.javacpp.maxBytes}, by default the heap limit -Xmx) stays the backstop.
 * The backend in use is logged once.
 */
public final class Dl4jBackend {
    /** DL4J's switch for layer helpers (oneDNN on CPU, cuDNN on CUDA); read each time a layer is built. */
    public static final String HELPERS_DISABLE = "org.eclipse.deeplearning4j.helpers.disable";
    /** JavaCPP's suffix of the native platform directory; read once, when JavaCPP first loads. */
    public static final String PLATFORM_EXTENSION = "org.bytedeco.javacpp.platform.extension";

    static final String ONEDNN_NATIVES = "org/nd4j/linalg/cpu/nativecpu/bindings/linux-x86_64-onednn/";

    private static final System.Logger LOG = System.getLogger(Dl4jBackend.class.getName());
    private static final Object HELPER_SWITCH = new Object();

    /** The compute backend ND4J picked. */
    public enum Backend { CPU, CUDA, OTHER }

    /**
     * What {@link #ensureInitialised()} found.
     *
     * @param backend the ND4J backend
     * @param oneDnnNatives whether the oneDNN build of nd4j-native was loaded
     * @param layerHelpers whether DL4J will attach oneDNN (CPU) helpers to conv and batch-norm layers
     * @param description one line for logs and provenance
     */
    public record Info(Backend backend, boolean oneDnnNatives, boolean layerHelpers, String description) {
        public Info {
            Objects.requireNonNull(backend, "backend");
            Objects.requireNonNull(description, "description");
        }
    }

    private Dl4jBackend() {
    }

    // Initialisation-on-demand holder: runs once, thread-safe, and keeps no mutable static state.
    private static final class Holder {
        static final Info INFO = withContextClassLoader(Dl4jBackend::initialise);
    }

    /** Initialises ND4J/DL4J once (idempotent, thread-safe) and says which backend runs. */
    public static Info ensureInitialised() {
        return Holder.INFO;
    }

    /**
     * Runs {@code work} with the thread's context class loader set to the loader of this adapter,
     * then restores it. Hosts with their own class loaders (Weka's package manager) wrap calls into
     * the classifier with this, since parts of ND4J and JavaCPP consult the context loader.
     */
    public static <T> T withContextClassLoader(Supplier<T> work) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(Dl4jBackend.class.getClassLoader());
        try {
            return work.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** {@link #withContextClassLoader(Supplier)} for work without a result. */
    public static void withContextClassLoader(Runnable work) {
        withContextClassLoader(() -> {
            work.run();
            return null;
        });
    }

    /**
     * Builds something (a network) with DL4J's layer helpers switched on or off, whatever the
     * system property says; for comparing against the stock path. Helpers are chosen when a
     * layer is instantiated, so the switch only matters while {@code work} builds layers.
     */
    static <T> T withLayerHelpers(boolean enabled, Supplier<T> work) {
        ensureInitialised();
        synchronized (HELPER_SWITCH) {
            String previous = System.getProperty(HELPERS_DISABLE);
            System.setProperty(HELPERS_DISABLE, Boolean.toString(!enabled));
            try {
                return work.get();
            } finally {
                System.setProperty(HELPERS_DISABLE, previous == null ? "false" : previous);
            }
        }
    }

    private static Info initialise() {
        ClassLoader loader = Dl4jBackend.class.getClassLoader();
        String tuning = NativeTuning.apply(); // before ND4J loads libgomp, which reads the environment once
        if (System.getProperty(HELPERS_DISABLE) == null) {
            System.setProperty(HELPERS_DISABLE, "false");
        }
        boolean oneDnnOnPath = loader.getResource(ONEDNN_NATIVES + "libjnind4jcpu.so") != null;
        if (oneDnnOnPath && System.getProperty(PLATFORM_EXTENSION) == null) {
            System.setProperty(PLATFORM_EXTENSION, "-onednn");
        }
        ND4JClassLoading.setNd4jClassloader(loader);
        DL4JClassLoading.setDl4jClassloader(loader);

        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
        String name = String.valueOf(Nd4j.getExecutioner().getEnvironmentInformation().getProperty("backend"));
        Backend backend = switch (name.toUpperCase(java.util.Locale.ROOT)) {
            case "CPU" -> Backend.CPU;
            case "CUDA" -> Backend.CUDA;
            default -> Backend.OTHER;
        };
        boolean oneDnn = backend == Backend.CPU && oneDnnOnPath
                && "-onednn".equals(System.getProperty(PLATFORM_EXTENSION));
        boolean helpers = !Boolean.parseBoolean(System.getProperty(HELPERS_DISABLE, "true"))
                && backend == Backend.CPU && BaseMKLDNNHelper.mklDnnEnabled();
        String description = "ND4J " + backend + " backend" + (oneDnn ? " (nd4j-native, oneDNN build)" : "")
                + ", oneDNN layer helpers " + (helpers ? "on" : "off")
                + ", " + Runtime.getRuntime().availableProcessors() + " cores, " + tuning;
        if (backend == Backend.CPU && !helpers) {
            LOG.log(Level.WARNING, description + ": conv and batch-norm layers run DL4J's slow built-in code");
        } else {
            LOG.log(Level.INFO, description);
        }
        return new Info(backend, oneDnn, helpers, description);
    }
}
