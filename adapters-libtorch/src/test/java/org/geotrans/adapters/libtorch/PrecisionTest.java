package org.geotrans.adapters.libtorch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PrecisionTest {
    private static final String ZEN5 = "processor\t: 0\nvendor_id\t: AuthenticAMD\n"
            + "flags\t\t: fpu sse2 avx2 avx512f avx512bw avx512_vnni avx512_bf16 clzero\n"
            + "bugs\t\t: sysret_ss_attrs\n";
    private static final String SAPPHIRE_RAPIDS = "flags\t\t: avx2 avx512f amx_bf16 amx_tile amx_int8\n";
    private static final String ICE_LAKE = "flags\t\t: avx2 avx512f avx512bw avx512_vnni avx512_bf16x\n";
    private static final String LAPTOP = "flags\t\t: fpu sse4_2 avx avx2 fma\nflags_extra: avx512_bf16\n";

    @Test
    void givenNativeBfloat16_thenBf16() {
        assertEquals(Precision.BF16, Precision.forCpuFlags(ZEN5));
        assertEquals(Precision.BF16, Precision.forCpuFlags(SAPPHIRE_RAPIDS));
    }

    @Test
    void givenNoNativeBfloat16_thenFp32WhichIsFasterOrAsFastThere() {
        assertEquals(Precision.FP32, Precision.forCpuFlags(ICE_LAKE));
        // only the first flags line counts, and only whole flag names
        assertEquals(Precision.FP32, Precision.forCpuFlags(LAPTOP));
    }

    @Test
    void givenNoCpuInformation_thenFp32() {
        assertEquals(Precision.FP32, Precision.forCpuFlags(""));
        assertEquals(Precision.FP32, Precision.forCpuFlags("processor\t: 0\n"));
    }
}
