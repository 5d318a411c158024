package org.geotrans.adapters.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.geotrans.domain.RequiredData;
import org.geotrans.domain.data.Dataset;
import org.geotrans.domain.data.DatasetFormat;
import org.geotrans.domain.image.ImageShape;
import org.junit.jupiter.api.Test;

/**
 * The real datasets, where this machine has them: Fashion-MNIST from Debian's dataset-fashion-mnist
 * package (skipped without it, failed under CI=true: see RequiredData) and the CIFAR-10 JPEG zip in
 * the shared folder (skipped without it; CI does not install it). Each is read whole
 * once (about 1 s and 4-8 s on two cores).
 */
class RealDatasetsTest {
    @Test
    void fashionMnistHasItsOfficialCountsShapeAndClasses() throws IOException {
        Dataset d = new FileDatasetSource().read(RequiredData.fashionMnist(), DatasetFormat.AUTO);

        assertEquals(60_000, d.train().size());
        assertEquals(10_000, d.test().size());
        assertEquals(new ImageShape(28, 28, 1), d.train().shape());
        assertEquals(IdxReader.FASHION, d.train().classNames());
        // the published label files start with these
        assertEquals(9, d.train().label(0));
        assertEquals(9, d.test().label(0));
        int[] perClass = new int[10];
        Arrays.stream(d.train().labels()).forEach(l -> perClass[l]++);
        assertTrue(Arrays.stream(perClass).allMatch(n -> n == 6_000), Arrays.toString(perClass));
        float max = 0;
        for (float v : d.train().image(0).pixels()) {
            max = Math.max(max, v);
        }
        assertEquals(255, max, 0, "raw values, not scaled");
    }

    @Test
    void theCifar10JpegZipReadsInPlaceWithOfficialClassOrder() throws IOException {
        Path zip = findShared("shared/datasets/cifar10-jpg.zip");
        assumeTrue(zip != null, "shared/datasets/cifar10-jpg.zip not found above " + Path.of("").toAbsolutePath());

        Dataset d = new FileDatasetSource().read(zip, DatasetFormat.AUTO);

        assertEquals(50_000, d.train().size());
        assertEquals(10_000, d.test().size());
        assertEquals(new ImageShape(32, 32, 3), d.train().shape());
        assertEquals(CifarBinaryReader.CIFAR10_NAMES, d.train().classNames());
        // entries are sorted by name, so each class is a block of 5,000 (train) and 1,000 (test)
        assertEquals(0, d.train().label(0));
        assertEquals(3, d.train().label(15_000));
        assertEquals(9, d.train().label(49_999));
        assertEquals(9, d.test().label(9_999));
        assertEquals(5_000, d.train().imagesOfClass(5).size());
    }

    /** Walks up from the working directory, as the worktree may sit anywhere below the shared folder's parent. */
    static Path findShared(String relative) {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve(relative);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
