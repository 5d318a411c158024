package org.geotrans.adapters.weka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.geotrans.adapters.datasets.HostileFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Weka image loader reads through the same readers as the command line, so it refuses the
 * same hostile files the same way (issue #9, kinds 2, 6 and 7): an IOException of one line naming
 * the file and the limit, a small fraction of the claim allocated, the files unchanged. The
 * classifier's options go through the same bounds as the command line's.
 */
class HostileInputsWekaTest {
    @TempDir
    Path tmp;

    private static String refused(Path source, Path tree) {
        String before = HostileFiles.hashTree(tree);
        ImageDatasetLoader loader = new ImageDatasetLoader();
        long allocated = HostileFiles.allocatedBytes();
        IOException e = assertThrows(IOException.class, () -> {
            loader.setSource(source.toFile());
            loader.getDataSet();
        });
        allocated = HostileFiles.allocatedBytes() - allocated;
        assertTrue(allocated < 64L << 20, "allocated " + allocated + " bytes: " + e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        assertEquals(before, HostileFiles.hashTree(tree), "the data was changed");
        return e.getMessage();
    }

    @Test
    void kind2_idxHeaderClaimingHugeImages_isRefusedWithoutAllocating() throws IOException {
        Path dir = HostileFiles.idxClaimingHugeImages(tmp.resolve("idx"));
        String message = refused(dir.resolve("train-images-idx3-ubyte"), dir);
        assertTrue(message.contains("40000x40000") && message.contains("geotrans.maxImagePixels"), message);
    }

    @Test
    void kind2_idxLabelsClaimingTwoBillion_areRefusedByTheFileLength() throws IOException {
        Path dir = HostileFiles.idxClaimingTwoBillionLabels(tmp.resolve("idx"));
        String message = refused(dir.resolve("train-labels-idx1-ubyte"), dir);
        assertTrue(message.contains("2147483647 labels"), message);
    }

    @Test
    void kind2_sparseCifarBatchesOfGigabytes_areRefused() throws IOException {
        Path dir = HostileFiles.sparseCifar10(tmp.resolve("cifar"), 3L << 30);
        assertTrue(refused(dir.resolve("data_batch_1.bin"), dir).contains("is not a whole"));
    }

    @Test
    void kind2_aZipBombIsRefused() throws IOException {
        Path zip = HostileFiles.zipBomb(tmp.resolve("bomb.zip"), 128L << 20, true);
        assertTrue(refused(zip, zip).contains("holds more than the 1000 bytes it claims"));
    }

    @Test
    void kind2_aPngHeaderClaiming40000x40000_isRefusedBeforeDecoding() throws IOException {
        Path dir = HostileFiles.imageFolder(tmp.resolve("png"),
                HostileFiles.pngClaiming(HostileFiles.HUGE_SIDE, HostileFiles.HUGE_SIDE));
        assertTrue(refused(dir, dir).contains("40000x40000 = 1600000000 pixels"));
    }

    @Test
    void kind7_repeatedClassNamesAreRefused() throws IOException {
        Path cifar = HostileFiles.cifar10WithRepeatedNames(tmp.resolve("cifar"));
        assertTrue(refused(cifar.resolve("data_batch_1.bin"), cifar).contains("class names must be distinct"));
        Path folders = HostileFiles.collidingClassFolders(tmp.resolve("folders"));
        assertTrue(refused(folders, folders).contains("class folders must be distinct"));
    }

    @Test
    void kind6_theImageSizeOptionHasTheCommandLinesBounds() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ImageDatasetLoader().setImageSize(30_000));
        assertTrue(e.getMessage().contains("0 (automatic) or 1..1024"), e.getMessage());
    }

    @Test
    void kind6_theClassifiersNetworkOptionsHaveTheCommandLinesBounds() {
        GeoTransSettings.Builder wide = GeoTransSettings.builder();
        wide.width = 100_000;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, wide::build);
        assertTrue(e.getMessage().contains("at most 200,000,000 are allowed"), e.getMessage());
        GeoTransSettings.Builder batch = GeoTransSettings.builder();
        batch.minibatch = 1_000_000;
        e = assertThrows(IllegalArgumentException.class, batch::build);
        assertTrue(e.getMessage().contains("batch size must be 1..8192"), e.getMessage());
        GeoTransSettings.Builder pad = GeoTransSettings.builder();
        pad.padTo = 40_000;
        e = assertThrows(IllegalArgumentException.class, pad::build);
        assertTrue(e.getMessage().contains("at most 1024 pixels"), e.getMessage());
    }
}
