package org.geotrans.adapters.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.geotrans.adapters.datasets.HostileFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/geotrans as a hostile user drives it (issue #9, kinds 1 and 2): files that claim gigabytes
 * go through the command line in a new JVM whose heap is {@value ChildCli#HEAP}, far below every
 * claim. Each ends in exit code 1 and one line naming the file and the limit, with no
 * OutOfMemoryError and no stack trace, and the files are left as they were.
 */
class HostileInputsCliTest {
    @TempDir
    Path tmp;

    /** Runs evaluate on {@code data} in a small-heap JVM and checks the one-line refusal. */
    private static String refusedInOneLine(Path data, String... expected) throws IOException, InterruptedException {
        String before = HostileFiles.hashTree(data);
        Cli.Result r = ChildCli.run("evaluate", "--data", data.toString(), "--normal-class", "1", "--preset", "quick");
        assertEquals(1, r.exitCode(), r.err());
        List<String> lines = r.errLines().stream().filter(l -> !l.startsWith("[") && !l.startsWith("  ")).toList();
        assertEquals(1, lines.size(), r.err());
        assertTrue(lines.get(0).startsWith("geotrans evaluate: error: "), r.err());
        for (String part : expected) {
            assertTrue(lines.get(0).contains(part), "'" + part + "' missing from: " + lines.get(0));
        }
        assertFalse(r.err().contains("OutOfMemoryError") || r.err().contains("out of memory"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        assertEquals(before, HostileFiles.hashTree(data), "the data was changed");
        return lines.get(0);
    }

    @Test
    void kind2_idxHeaderClaimingHugeImages_isRefusedWithoutAllocating() throws Exception {
        refusedInOneLine(HostileFiles.idxClaimingHugeImages(tmp.resolve("idx")), "train-images-idx3-ubyte",
                "40000x40000", "geotrans.maxImagePixels");
    }

    @Test
    void kind1_idxLabelsHeaderClaimingTwoBillionLabels_endsInOneLineNotAnError() throws Exception {
        refusedInOneLine(HostileFiles.idxClaimingTwoBillionLabels(tmp.resolve("idx")), "train-labels-idx1-ubyte",
                "2147483647 labels");
    }

    @Test
    void kind1_sparseCifarBatchesOfGigabytes_endInOneLineNotAnError() throws Exception {
        refusedInOneLine(HostileFiles.sparseCifar10(tmp.resolve("ragged"), 3L << 30), "data_batch_1.bin",
                "3221225472 bytes is not a whole");
        refusedInOneLine(HostileFiles.sparseCifar10(tmp.resolve("whole"), 100_000L * 3073), "500000 images of 32x32x3",
                "Java heap's limit of", "GEOTRANS_HEAP");
    }

    @Test
    void kind2_pngHeaderClaiming40000x40000_isRefusedBeforeDecoding() throws Exception {
        refusedInOneLine(HostileFiles.imageFolder(tmp.resolve("png"),
                HostileFiles.pngClaiming(HostileFiles.HUGE_SIDE, HostileFiles.HUGE_SIDE)), "0.png", "40000x40000",
                "geotrans.maxImagePixels");
    }

    @Test
    void kind1_zipBombAsFirstImage_endsInOneLineNotAnError() throws Exception {
        refusedInOneLine(HostileFiles.zipBomb(tmp.resolve("bomb.zip"), 256L << 20, true), "bomb.zip!train/a/0.png",
                "holds more than the 1000 bytes it claims");
    }

    @Test
    void kind2_aLargeFirstImageAsksForAnImageSizeInsteadOfChoosingIt() throws Exception {
        refusedInOneLine(HostileFiles.imageFolder(tmp.resolve("large"), HostileFiles.png(300)), "0.png",
                "the first image is 300x300", "--image-size");
    }

    @Test
    void kind1_anOutOfMemoryErrorThatPassesTheChecks_isStillOneLineNamingTheDataAndTheHeap() throws Exception {
        // 80,000 images of 28x28 need 251 MB as values: within the heap check, beyond what the heap holds with the raw bytes
        Path dir = Files.createDirectories(tmp.resolve("fashion-big"));
        int n = 80_000;
        HostileFiles.idxLabels(dir.resolve("train-labels-idx1-ubyte"), n, n);
        try (var out = new java.io.DataOutputStream(new java.io.BufferedOutputStream(
                Files.newOutputStream(dir.resolve("train-images-idx3-ubyte"))))) {
            out.writeInt(2051);
            out.writeInt(n);
            out.writeInt(28);
            out.writeInt(28);
            out.write(new byte[n * 784]);
        }
        HostileFiles.idxImages(dir.resolve("t10k-images-idx3-ubyte"), 1, 28, 28, true);
        HostileFiles.idxLabels(dir.resolve("t10k-labels-idx1-ubyte"), 1, 1);
        String before = HostileFiles.hashTree(dir);
        Cli.Result r = ChildCli.run("evaluate", "--data", dir.toString(), "--normal-class", "1", "--preset", "quick");
        assertEquals(1, r.exitCode(), r.err());
        List<String> lines = r.errLines().stream().filter(l -> !l.startsWith("[") && !l.startsWith("  ")).toList();
        assertEquals(1, lines.size(), r.err());
        assertTrue(lines.get(0).contains(dir.toString()) && lines.get(0).contains("ran out of memory")
                && lines.get(0).contains("Java heap limit"), lines.get(0));
        assertFalse(r.err().contains("\tat "), r.err());
        assertEquals(before, HostileFiles.hashTree(dir));
    }

    @Test
    void kind6_benchIterationsZero_isAUsageErrorBeforeTheBackendStarts() throws Exception {
        Cli.Result r = ChildCli.run("bench", "--iterations", "0");
        assertEquals(2, r.exitCode(), r.err());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.lastErrLine().contains("--iterations must be 1..100000, got 0"), r.err());
    }
}
