package org.geotrans.adapters.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.geotrans.domain.data.Dataset;
import org.geotrans.domain.data.DatasetFormat;
import org.geotrans.domain.data.LabeledImages;
import org.geotrans.domain.image.ImageShape;
import org.geotrans.domain.port.ProgressStage;
import org.geotrans.domain.port.TrainingProgress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdxReadingTest {
    @TempDir
    Path dir;

    private final FileDatasetSource source = new FileDatasetSource();

    @ParameterizedTest(name = "gzip={0}")
    @ValueSource(booleans = {false, true})
    void givenIdxFiles_thenPixelsAreRowMajorAndLabelsMatch(boolean gzip) throws IOException {
        Dataset d = source.read(Fixtures.idxFolder(dir.resolve("mnist"), gzip), DatasetFormat.IDX);

        assertEquals(5, d.train().size());
        assertEquals(3, d.test().size());
        assertEquals(new ImageShape(Fixtures.IDX_ROWS, Fixtures.IDX_COLS, 1), d.train().shape());
        assertEquals(IdxReader.DIGITS, d.train().classNames());
        assertPattern(d.train());
        assertPattern(d.test());
    }

    private static void assertPattern(LabeledImages set) {
        for (int i = 0; i < set.size(); i++) {
            assertEquals(Fixtures.idxLabel(i), set.label(i));
            for (int r = 0; r < Fixtures.IDX_ROWS; r++) {
                for (int c = 0; c < Fixtures.IDX_COLS; c++) {
                    assertEquals(Fixtures.idxPixel(i, r, c), set.image(i).value(r, c, 0), 0,
                            "image " + i + " at " + r + "," + c);
                }
            }
        }
    }

    @Test
    void givenAFolderNamedFashion_thenFashionMnistClassNamesAreUsed() throws IOException {
        Dataset d = source.read(Fixtures.idxFolder(dir.resolve("Fashion-MNIST"), true), DatasetFormat.AUTO);

        assertEquals(List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt",
                "Sneaker", "Bag", "Ankle boot"), d.train().classNames());
        assertEquals(2, d.test().classIndex("pullover"));
    }

    @Test
    void givenOneOfTheIdxFiles_thenItsFolderIsRead() throws IOException {
        Path folder = Fixtures.idxFolder(dir.resolve("mnist"), false);

        Dataset d = source.read(folder.resolve("train-images-idx3-ubyte"), DatasetFormat.AUTO);

        assertEquals(5, d.train().size());
    }

    @Test
    void givenMixedGzippedAndPlainFiles_thenBothAreRead() throws IOException {
        Path folder = Fixtures.idxFolder(dir.resolve("mnist"), true);
        Files.delete(folder.resolve("t10k-labels-idx1-ubyte.gz"));
        Fixtures.write(folder, "t10k-labels-idx1-ubyte", Fixtures.idxLabels(3), false);

        assertEquals(3, source.read(folder, DatasetFormat.AUTO).test().size());
    }

    @Test
    void progressCountsImagesOfBothSplits() throws IOException {
        List<TrainingProgress> seen = new ArrayList<>();
        source.withProgress(seen::add).read(Fixtures.idxFolder(dir.resolve("mnist"), false), DatasetFormat.IDX);

        TrainingProgress last = seen.get(seen.size() - 1);
        assertEquals(ProgressStage.READ_TEST, last.stage());
        assertEquals(3, last.done());
        assertEquals(3, last.total());
        assertTrue(seen.stream().anyMatch(p -> p.stage() == ProgressStage.READ_TRAIN && p.done() == 5));
    }

    @Test
    void givenBadMagic_thenTheMessageNamesTheFileAndBothNumbers() throws IOException {
        Path folder = Fixtures.idxFolder(dir.resolve("mnist"), false);
        // labels where images belong: a classic mix-up of file names
        Files.write(folder.resolve("train-images-idx3-ubyte"), Fixtures.idxLabels(5));

        IOException e = assertThrows(IOException.class, () -> source.read(folder, DatasetFormat.IDX));

        assertMessage(e, "train-images-idx3-ubyte", "2049", "2051");
    }

    @Test
    void givenTruncatedImages_thenTheMessageSaysTruncated() throws IOException {
        Path folder = Fixtures.idxFolder(dir.resolve("mnist"), false);
        byte[] full = Fixtures.idxImages(5, Fixtures.IDX_ROWS, Fixtures.IDX_COLS);
        Files.write(folder.resolve("train-images-idx3-ubyte"), Arrays.copyOf(full, full.length - 1));

        IOException e = assertThrows(IOException.class, () -> source.read(folder, DatasetFormat.IDX));

        assertMessage(e, "train-images-idx3-ubyte", "truncated", "60", "59");
    }

    @Test
    void givenATruncatedGzip_thenTheMessageNamesTheFile() throws IOException {
        Path folder = Fixtures.idxFolder(dir.resolve("mnist"), true);
        byte[] gz = Fixtures.gzip(Fixtures.idxImages(5, Fixtures.IDX_ROWS, Fixtures.IDX_COLS));
        Files.write(folder.resolve("train-images-idx3-ubyte.gz"), Arrays.copyOf(gz, gz.length / 2));

        IOException e = assertThrows(IOException.class, () -> source.read(folder, DatasetFormat.IDX));

        assertMessage(e, "train-images-idx3-ubyte.gz");
    }

    @Test
    void givenTrailingBytes_thenTheFileIsRejected() throws IOException {
        Path folder = Fixtures.idxFolder(dir.resolve("mnist"), false);
        byte[] full = Fixtures.idxLabels(5);
        Files.write(folder.resolve("train-labels-idx1-ubyte"), Arrays.copyOf(full, full.length + 1));

        IOException e = assertThrows(IOException.class, () -> source.read(folder, DatasetFormat.IDX));

        assertMessage(e, "train-labels-idx1-ubyte", "beyond");
    }

    @Test
    void givenCountsThatDisagree_thenBothFilesAreNamed() throws IOException {
        Path folder = Fixtures.idxFolder(dir.resolve("mnist"), false);
        Files.write(folder.resolve("t10k-labels-idx1-ubyte"), Fixtures.idxLabels(2));

        IOException e = assertThrows(IOException.class, () -> source.read(folder, DatasetFormat.IDX));

        assertMessage(e, "t10k-images-idx3-ubyte", "3 images", "t10k-labels-idx1-ubyte", "2 labels");
    }

    @Test
    void givenALabelOutOfRange_thenTheItemAndRangeAreNamed() throws IOException {
        Path folder = Fixtures.idxFolder(dir.resolve("mnist"), false);
        byte[] labels = Fixtures.idxLabels(5);
        labels[8 + 4] = 10;
        Files.write(folder.resolve("train-labels-idx1-ubyte"), labels);

        IOException e = assertThrows(IOException.class, () -> source.read(folder, DatasetFormat.IDX));

        assertMessage(e, "train-labels-idx1-ubyte", "label 10", "item 4", "0..9");
    }

    @Test
    void givenTrainAndTestOfDifferentSizes_thenTheFolderIsNamed() throws IOException {
        Path folder = Fixtures.idxFolder(dir.resolve("mnist"), false);
        Files.write(folder.resolve("t10k-images-idx3-ubyte"), Fixtures.idxImages(3, 4, 3));

        IOException e = assertThrows(IOException.class, () -> source.read(folder, DatasetFormat.IDX));

        assertMessage(e, "3x4x1", "4x3x1");
    }

    @Test
    void givenAMissingTestFile_thenTheMissingNameIsGiven() throws IOException {
        Path folder = Fixtures.idxFolder(dir.resolve("mnist"), true);
        Files.delete(folder.resolve("t10k-images-idx3-ubyte.gz"));

        IOException e = assertThrows(IOException.class, () -> source.read(folder, DatasetFormat.AUTO));

        assertMessage(e, "lacks t10k-images-idx3-ubyte");
    }

    static void assertMessage(Exception e, String... parts) {
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), () -> "message lacks '" + part + "': " + e.getMessage());
        }
    }

    @Test
    void givenDottedMnistFileNames_thenTheyAreFound() throws IOException {
        Path folder = Fixtures.idxFolder(dir.resolve("mnist"), false);
        Files.move(folder.resolve("train-images-idx3-ubyte"), folder.resolve("train-images.idx3-ubyte"));

        assertEquals(5, source.read(folder, DatasetFormat.AUTO).train().size());
        assertArrayEquals(new int[] {0, 3, 6, 9, 2}, source.read(folder, DatasetFormat.AUTO).train().labels());
    }
}
