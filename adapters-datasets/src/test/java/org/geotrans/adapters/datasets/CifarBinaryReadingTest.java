package org.geotrans.adapters.datasets;

import static org.geotrans.adapters.datasets.IdxReadingTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.geotrans.domain.data.Dataset;
import org.geotrans.domain.data.DatasetFormat;
import org.geotrans.domain.data.LabeledImages;
import org.geotrans.domain.image.ImageShape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CifarBinaryReadingTest {
    @TempDir
    Path dir;

    private final FileDatasetSource source = new FileDatasetSource();

    @Test
    void givenCifar10Batches_thenPlanarRecordsBecomeHwcImages() throws IOException {
        Dataset d = source.read(Fixtures.cifar10Folder(dir.resolve("c10")), DatasetFormat.CIFAR10_BINARY);

        assertEquals(10, d.train().size());
        assertEquals(3, d.test().size());
        assertEquals(new ImageShape(32, 32, 3), d.train().shape());
        assertEquals(CifarBinaryReader.CIFAR10_NAMES, d.train().classNames());
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, d.train().labels());
        assertArrayEquals(new int[] {0, 1, 2}, d.test().labels());
        assertRecords(d.train(), 0);
        assertRecords(d.test(), 100);
    }

    private static void assertRecords(LabeledImages set, int firstRecord) {
        for (int i = 0; i < set.size(); i++) {
            for (int[] at : new int[][] {{0, 0}, {0, 31}, {31, 0}, {5, 17}, {31, 31}}) {
                for (int ch = 0; ch < 3; ch++) {
                    assertEquals(Fixtures.cifarValue(firstRecord + i, at[0], at[1], ch),
                            set.image(i).value(at[0], at[1], ch), 0,
                            "record " + (firstRecord + i) + " at " + Arrays.toString(at) + " channel " + ch);
                }
            }
        }
    }

    @Test
    void givenTheOfficialSubfolderAndMetaFile_thenItIsFoundAndNamesAreRead() throws IOException {
        Path inner = Fixtures.cifar10Folder(dir.resolve("release/cifar-10-batches-bin"));
        Files.writeString(inner.resolve("batches.meta.txt"), "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n\n");

        Dataset d = source.read(dir.resolve("release"), DatasetFormat.AUTO);

        assertEquals(List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j"), d.test().classNames());
    }

    @Test
    void givenAMetaFileWithTheWrongCount_thenItIsRejected() throws IOException {
        Path folder = Fixtures.cifar10Folder(dir.resolve("c10"));
        Files.writeString(folder.resolve("batches.meta.txt"), "a\nb\n");

        IOException e = assertThrows(IOException.class, () -> source.read(folder, DatasetFormat.AUTO));

        assertMessage(e, "batches.meta.txt", "expected 10", "found 2");
    }

    @Test
    void givenATruncatedBatch_thenTheRecordSizeIsExplained() throws IOException {
        Path folder = Fixtures.cifar10Folder(dir.resolve("c10"));
        byte[] b = Files.readAllBytes(folder.resolve("data_batch_3.bin"));
        Files.write(folder.resolve("data_batch_3.bin"), Arrays.copyOf(b, b.length - 100));

        IOException e = assertThrows(IOException.class, () -> source.read(folder, DatasetFormat.AUTO));

        assertMessage(e, "data_batch_3.bin", "3073-byte records", "truncated");
    }

    @Test
    void givenAMissingBatch_thenItsNameIsGiven() throws IOException {
        Path folder = Fixtures.cifar10Folder(dir.resolve("c10"));
        Files.delete(folder.resolve("data_batch_5.bin"));

        IOException e = assertThrows(IOException.class, () -> source.read(folder, DatasetFormat.AUTO));

        assertMessage(e, "lacks data_batch_5.bin");
    }

    @Test
    void givenACifar10LabelOutOfRange_thenTheRecordIsNamed() throws IOException {
        Path folder = Fixtures.cifar10Folder(dir.resolve("c10"));
        byte[] b = Files.readAllBytes(folder.resolve("test_batch.bin"));
        b[3073] = 10;
        Files.write(folder.resolve("test_batch.bin"), b);

        IOException e = assertThrows(IOException.class, () -> source.read(folder, DatasetFormat.AUTO));

        assertMessage(e, "test_batch.bin", "label 10", "record 1", "0..9");
    }

    @Test
    void givenCifar100_thenCoarseLabelsAndStandardNamesAreUsed() throws IOException {
        Dataset d = source.read(Fixtures.cifar100Folder(dir.resolve("c100")), DatasetFormat.AUTO);

        assertEquals(4, d.train().size());
        assertEquals(2, d.test().size());
        assertEquals(20, d.train().classNames().size());
        assertEquals("aquatic_mammals", d.train().classNames().get(0));
        assertEquals("vehicles_2", d.train().classNames().get(19));
        assertArrayEquals(new int[] {0, 1, 2, 3}, d.train().labels());
        assertArrayEquals(new int[] {17, 18}, d.test().labels());
        assertRecords(d.train(), 0);
        assertRecords(d.test(), 37);
    }

    @Test
    void givenCoarseLabelNames_thenTheyAreUsed() throws IOException {
        Path folder = Fixtures.cifar100Folder(dir.resolve("x/cifar-100-binary"));
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            names.append("super").append(i).append('\n');
        }
        Files.writeString(folder.resolve("coarse_label_names.txt"), names);

        Dataset d = source.read(dir.resolve("x"), DatasetFormat.CIFAR100_BINARY);

        assertEquals("super19", d.train().classNames().get(19));
    }

    @Test
    void givenAFineLabelOutOfRange_thenItIsRejected() throws IOException {
        Path folder = Fixtures.cifar100Folder(dir.resolve("c100"));
        byte[] b = Files.readAllBytes(folder.resolve("train.bin"));
        b[1] = 100;
        Files.write(folder.resolve("train.bin"), b);

        IOException e = assertThrows(IOException.class, () -> source.read(folder, DatasetFormat.AUTO));

        assertMessage(e, "train.bin", "fine label 100", "record 0", "0..99");
    }

    @Test
    void givenACifar10FileReadAsCifar100_thenTheRecordSizeMismatchIsReported() throws IOException {
        Path folder = Fixtures.cifar100Folder(dir.resolve("wrong"));
        Files.write(folder.resolve("test.bin"), Fixtures.cifarRecords(1, 0, 0));

        IOException e = assertThrows(IOException.class, () -> source.read(folder, DatasetFormat.CIFAR100_BINARY));

        assertMessage(e, "test.bin", "3074-byte records");
    }
}
