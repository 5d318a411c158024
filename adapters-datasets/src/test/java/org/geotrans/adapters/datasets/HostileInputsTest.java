package org.geotrans.adapters.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.geotrans.domain.data.Dataset;
import org.geotrans.domain.data.DatasetFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The readers against files that claim far more than they hold (issue #9, kinds 2 and 7): each is
 * refused with an IOException naming the file and the limit, having allocated a small fraction of
 * the claim (counted per thread), and the files are left as they were.
 */
class HostileInputsTest {
    /** Far below every claim here (1.6 GB and up), far above what a refusal needs. */
    private static final long ALLOCATION_BUDGET = 64L << 20;

    @TempDir
    Path tmp;

    /** Reads {@code location}, expects a refusal, and checks what it cost and that nothing changed. */
    private IOException refused(Path location, FileDatasetSource source, long budget) {
        String before = HostileFiles.hashTree(location);
        long allocated = HostileFiles.allocatedBytes();
        IOException e = assertThrows(IOException.class, () -> source.read(location, DatasetFormat.AUTO));
        allocated = HostileFiles.allocatedBytes() - allocated;
        assertTrue(allocated < budget, "allocated " + allocated + " bytes to refuse " + location + ": " + e.getMessage());
        assertEquals(before, HostileFiles.hashTree(location), "the input was changed");
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        return e;
    }

    private IOException refused(Path location) {
        return refused(location, new FileDatasetSource().withThreads(1), ALLOCATION_BUDGET);
    }

    @Test
    void kind2_idxHeaderClaimingHugeImages_isRefusedWithoutAllocating() throws IOException {
        Path dir = HostileFiles.idxClaimingHugeImages(tmp.resolve("idx"));
        IOException e = refused(dir);
        assertTrue(e.getMessage().contains("train-images-idx3-ubyte"), e.getMessage());
        assertTrue(e.getMessage().contains("40000x40000"), e.getMessage());
        assertTrue(e.getMessage().contains(ReadLimits.MAX_IMAGE_PIXELS), e.getMessage());
    }

    @Test
    void kind2_idxLabelsHeaderClaimingTwoBillionLabels_isRefusedByTheFileLength() throws IOException {
        Path dir = HostileFiles.idxClaimingTwoBillionLabels(tmp.resolve("idx"));
        IOException e = refused(dir);
        assertTrue(e.getMessage().contains("train-labels-idx1-ubyte"), e.getMessage());
        assertTrue(e.getMessage().contains("2147483647 labels"), e.getMessage());
        assertTrue(e.getMessage().contains("holds 0 bytes"), e.getMessage());
    }

    @Test
    void kind2_gzippedIdxClaimingMoreImagesThanItHolds_allocatesOnlyWhatArrives() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("fashion-gz"));
        // 100,000 labels are really there; the images file claims 100,000 images (78 MB) and holds 10
        HostileFiles.idxLabels(dir.resolve("train-labels-idx1-ubyte"), 100_000, 100_000);
        byte[] images = Fixtures.gzip(idxHeaderAndImages(100_000, 10));
        Files.write(dir.resolve("train-images-idx3-ubyte.gz"), images);
        HostileFiles.idxImages(dir.resolve("t10k-images-idx3-ubyte"), 1, 28, 28, true);
        HostileFiles.idxLabels(dir.resolve("t10k-labels-idx1-ubyte"), 1, 1);
        IOException e = refused(dir, new FileDatasetSource(), 16L << 20);
        assertTrue(e.getMessage().contains("train-images-idx3-ubyte.gz: truncated"), e.getMessage());
    }

    private static byte[] idxHeaderAndImages(int claimed, int written) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(16 + written * 784);
        b.putInt(IdxReader.IMAGES_MAGIC).putInt(claimed).putInt(28).putInt(28);
        return b.array();
    }

    @Test
    void kind2_sparseCifarBatchesOfGigabytes_areRefusedFromTheirLength() throws IOException {
        // 3 GiB is no whole number of records; 3,000,000 records need 37 GB as values, beyond any test heap
        IOException ragged = refused(HostileFiles.sparseCifar10(tmp.resolve("ragged"), 3L << 30));
        assertTrue(ragged.getMessage().contains("data_batch_1.bin: 3221225472 bytes is not a whole"), ragged.getMessage());
        IOException whole = refused(HostileFiles.sparseCifar10(tmp.resolve("whole"), 3_000_000L * 3073));
        assertTrue(whole.getMessage().contains("images of 32x32x3 need"), whole.getMessage());
        assertTrue(whole.getMessage().contains("Java heap"), whole.getMessage());
    }

    @Test
    void kind2_pngHeaderClaiming40000x40000_isRefusedBeforeDecoding() throws IOException {
        Path dir = HostileFiles.imageFolder(tmp.resolve("png"),
                HostileFiles.pngClaiming(HostileFiles.HUGE_SIDE, HostileFiles.HUGE_SIDE));
        IOException e = refused(dir);
        assertTrue(e.getMessage().contains("0.png"), e.getMessage());
        assertTrue(e.getMessage().contains("40000x40000 = 1600000000 pixels"), e.getMessage());
        assertTrue(e.getMessage().contains("-D" + ReadLimits.MAX_IMAGE_PIXELS), e.getMessage());
    }

    @Test
    void kind2_pixelCapIsRaisedByItsSystemProperty() throws IOException {
        Path dir = HostileFiles.imageFolder(tmp.resolve("png"), HostileFiles.png(40));
        System.setProperty(ReadLimits.MAX_IMAGE_PIXELS, "1000");
        try {
            assertTrue(refused(dir).getMessage().contains("40x40 = 1600 pixels, above the limit of 1000"));
            System.setProperty(ReadLimits.MAX_IMAGE_PIXELS, "1600");
            assertEquals(40, new FileDatasetSource().read(dir, DatasetFormat.AUTO).train().shape().height());
        } finally {
            System.clearProperty(ReadLimits.MAX_IMAGE_PIXELS);
        }
    }

    @Test
    void kind2_zipBombAsFirstImage_isRefusedByTheSizeItsEntryClaims() throws IOException {
        Path zip = HostileFiles.zipBomb(tmp.resolve("bomb.zip"), 256L << 20, false);
        assertTrue(Files.size(zip) < 4L << 20, "the bomb is small on disk: " + Files.size(zip));
        IOException e = refused(zip);
        assertTrue(e.getMessage().contains("bomb.zip!train/a/0.png: 268435456 bytes, above the limit of 64 MiB"),
                e.getMessage());
        assertTrue(e.getMessage().contains(ReadLimits.MAX_IMAGE_FILE_BYTES), e.getMessage());
    }

    @Test
    void kind2_zipBombWhoseHeaderLies_isStoppedByCountingTheInflatedBytes() throws IOException {
        Path zip = HostileFiles.zipBomb(tmp.resolve("liar.zip"), 256L << 20, true);
        IOException e = refused(zip);
        assertTrue(e.getMessage().contains("liar.zip!train/a/0.png: holds more than the 1000 bytes it claims"),
                e.getMessage());
    }

    @Test
    void kind2_aSparseImageFileOfGigabytes_isRefusedByItsSize() throws IOException {
        Path dir = HostileFiles.imageFolder(tmp.resolve("sparse"), HostileFiles.png(8));
        HostileFiles.sparse(dir.resolve("train/a/0.png"), 3L << 30);
        IOException e = refused(dir);
        assertTrue(e.getMessage().contains("0.png: 3221225472 bytes, above the limit"), e.getMessage());
    }

    @Test
    void kind2_aLargeFirstImageDoesNotChooseTheWorkingSize() throws IOException {
        Path dir = HostileFiles.imageFolder(tmp.resolve("large"), HostileFiles.png(300));
        IOException e = refused(dir);
        assertTrue(e.getMessage().contains("the first image is 300x300"), e.getMessage());
        assertTrue(e.getMessage().contains("--image-size"), e.getMessage());
        Dataset asked = new FileDatasetSource().withImageSize(32).read(dir, DatasetFormat.AUTO);
        assertEquals(32, asked.train().shape().height());
    }

    @Test
    void kind6_anImageSizeBeyondTheBound_isRefusedBeforeReading() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new FileDatasetSource().withImageSize(30_000));
        assertTrue(e.getMessage().contains("0 (automatic) or 1..1024"), e.getMessage());
    }

    @Test
    void kind7_cifarMetaNamingOneClassTenTimes_isRefused() throws IOException {
        IOException e = refused(HostileFiles.cifar10WithRepeatedNames(tmp.resolve("cifar")));
        assertTrue(e.getMessage().contains("batches.meta.txt: class names must be distinct"), e.getMessage());
    }

    @Test
    void kind7_cifar100CoarseNamesRepeated_areRefused() throws IOException {
        Path dir = Fixtures.cifar100Folder(tmp.resolve("cifar100"));
        Files.writeString(dir.resolve("coarse_label_names.txt"), "fish\n".repeat(20));
        IOException e = refused(dir);
        assertTrue(e.getMessage().contains("coarse_label_names.txt: class names must be distinct"), e.getMessage());
    }

    @Test
    void kind7_classFoldersThatDifferOnlyInCase_areRefused() throws IOException {
        IOException e = refused(HostileFiles.collidingClassFolders(tmp.resolve("folders")));
        assertTrue(e.getMessage().contains("class folders must be distinct"), e.getMessage());
        assertTrue(e.getMessage().contains("'Cat'") && e.getMessage().contains("'cat'"), e.getMessage());
    }
}
