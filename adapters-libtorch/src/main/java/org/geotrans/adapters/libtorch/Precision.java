package org.geotrans.adapters.libtorch;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The arithmetic of the network's forward and backward passes. Weights, Adam's state, the loss and
 * the softmax outputs handed back are fp32 in both; BF16 runs convolutions and the dense layer in
 * bfloat16 under autocast, as PyTorch's {@code torch.autocast('cpu', dtype=torch.bfloat16)} does.
 */
public enum Precision {
    /** bfloat16 autocast: about twice the speed on processors with AVX512_BF16 or AMX. */
    BF16,
    /** Plain fp32 everywhere. */
    FP32;

    /** The name users type: lower case. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The precision named {@code text} (case-insensitive).
     *
     * @throws IllegalArgumentException naming the known precisions when none matches
     */
    public static Precision parse(String text) {
        for (Precision p : values()) {
            if (p.id().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown precision '" + text + "'; known: "
                + Arrays.stream(values()).map(Precision::id).collect(Collectors.joining(", ")));
    }
}
