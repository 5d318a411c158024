package org.nd4j.nativeblas;

import java.lang.reflect.InvocationTargetException;

/**
 * Compatibility shim that brings DL4J's oneDNN layer helpers back on nd4j-native 1.0.0-M2.1.
 *
 * <p>DL4J's {@code BaseMKLDNNHelper.mklDnnEnabled()} still asks, by reflection,
 * {@code org.nd4j.nativeblas.Nd4jCpu$Environment.getInstance().isUseMKLDNN()}; nd4j-native M2.1
 * moved that class to {@code org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu} and renamed the
 * method {@code isUseONEDNN()}, so the lookup fails and every conv and batch-norm helper is
 * dropped as "not supported" (about 6x slower training). This class answers under the old name
 * and forwards to the new one. It is reflective itself so the module also compiles against the
 * CUDA backend, where DL4J never asks.
 */
public final class Nd4jCpu {
    static final String NEW_ENVIRONMENT = "org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu$Environment";

    private Nd4jCpu() {
    }

    /** The old-name view of the native environment that DL4J reflects on. */
    public static final class Environment {
        private static final Environment INSTANCE = new Environment();

        private Environment() {
        }

        public static Environment getInstance() {
            return INSTANCE;
        }

        /** Whether the native library runs oneDNN kernels; false where it cannot tell. */
        public boolean isUseMKLDNN() {
            try {
                Class<?> environment = Class.forName(NEW_ENVIRONMENT, true, Nd4jCpu.class.getClassLoader());
                Object instance = environment.getMethod("getInstance").invoke(null);
                return (Boolean) environment.getMethod("isUseONEDNN").invoke(instance);
            } catch (ClassNotFoundException | NoSuchMethodException | IllegalAccessException e) {
                return false;
            } catch (InvocationTargetException e) {
                throw new IllegalStateException("nd4j-native could not report whether oneDNN is in use: "
                        + e.getCause(), e.getCause());
            }
        }
    }
}
