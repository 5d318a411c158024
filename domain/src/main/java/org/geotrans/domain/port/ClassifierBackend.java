package org.geotrans.domain.port;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The engine a transformation classifier runs on. A saved detector records it, so that a model
 * is read back by the backend that wrote it, or refused with a message naming both.
 */
public enum ClassifierBackend {
    /** Deeplearning4j/ND4J (oneDNN on the CPU, or CUDA). */
    DL4J,
    /** libtorch through JavaCPP's PyTorch presets. */
    LIBTORCH;

    /**
     * The backend the command line trains new networks on unless the user names one: the one that
     * meets issue #10's speed targets and accuracy gate (see the README). Weka's classifiers default
     * to what their package carries instead: DL4J in the default zip, LIBTORCH in the libtorch variant.
     */
    public static ClassifierBackend defaultBackend() {
        return LIBTORCH;
    }

    /** The name users type and model files store: lower case. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The backend named {@code text} (case-insensitive).
     *
     * @throws IllegalArgumentException naming the known backends when none matches
     */
    public static ClassifierBackend parse(String text) {
        for (ClassifierBackend b : values()) {
            if (b.id().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return b;
            }
        }
        throw new IllegalArgumentException("unknown backend '" + text + "'; known: "
                + Arrays.stream(values()).map(ClassifierBackend::id).collect(Collectors.joining(", ")));
    }
}
