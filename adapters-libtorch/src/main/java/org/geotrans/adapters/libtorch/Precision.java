package org.geotrans.adapters.libtorch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The arithmetic of the network's forward and backward passes. Weights, Adam's state, the loss and
 * the softmax outputs handed back are fp32 in both; BF16 runs convolutions and the dense layer in
 * bfloat16 under autocast, as PyTorch's {@code torch.autocast('cpu', dtype=torch.bfloat16)} does.
 */
public enum Precision {
    /** bfloat16 autocast: two to three times the speed on processors with AVX512_BF16 or AMX, much slower without. */
    BF16,
    /** Plain fp32 everywhere. */
    FP32;

    private static final Precision MACHINE_DEFAULT = forCpuFlags(cpuFlags());

    /**
     * bf16 where the processor computes bfloat16 natively (the avx512_bf16 or amx_bf16 flag), fp32
     * elsewhere: with oneDNN held to AVX2, libtorch's bf16 trained WRN-10-1 at 111 img/s against fp32's
     * 699 (a laptop without AVX-512 would be six times slower on bf16), and on AVX-512 without bf16 it
     * was no faster than fp32 (860 against 816); with AVX512_BF16, 2,503 against 795 (BENCHMARK.md).
     */
    public static Precision machineDefault() {
        return MACHINE_DEFAULT;
    }

    /** The default for a processor whose /proc/cpuinfo reads {@code cpuinfo}; fp32 when it is unknown. */
    static Precision forCpuFlags(String cpuinfo) {
        for (String line : cpuinfo.split("\n")) {
            if (line.startsWith("flags")) {
                List<String> flags = Arrays.asList(line.substring(line.indexOf(':') + 1).trim().split("\\s+"));
                return flags.contains("avx512_bf16") || flags.contains("amx_bf16") ? BF16 : FP32;
            }
        }
        return FP32;
    }

    private static String cpuFlags() {
        try {
            return Files.readString(Path.of("/proc/cpuinfo"));
        } catch (IOException | RuntimeException e) {
            return ""; // not Linux, or not readable: fp32 is right everywhere
        }
    }

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
