package org.geotrans.adapters.datasets;

import static org.geotrans.adapters.datasets.IdxReadingTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import org.geotrans.domain.data.DatasetFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FormatDetectionTest {
    @TempDir
    Path dir;

    private final FileDatasetSource source = new FileDatasetSource();

    @Test
    void eachLayoutIsRecognised() throws IOException {
        assertEquals(DatasetFormat.IDX, FileDatasetSource.detect(Fixtures.idxFolder(dir.resolve("idx"), true)));
        assertEquals(DatasetFormat.CIFAR10_BINARY, FileDatasetSource.detect(Fixtures.cifar10Folder(dir.resolve("c10"))));
        Fixtures.cifar10Folder(dir.resolve("c10outer/cifar-10-batches-bin"));
        assertEquals(DatasetFormat.CIFAR10_BINARY, FileDatasetSource.detect(dir.resolve("c10outer")));
        assertEquals(DatasetFormat.CIFAR100_BINARY, FileDatasetSource.detect(Fixtures.cifar100Folder(dir.resolve("c100"))));
        Map<String, byte[]> images = Map.of("train/a/0.png", Fixtures.encode(Fixtures.colourImage(2, 2), "png"),
                "test/a/0.png", Fixtures.encode(Fixtures.colourImage(2, 2), "png"));
        assertEquals(DatasetFormat.IMAGE_FOLDER, FileDatasetSource.detect(Fixtures.folder(dir.resolve("imgs"), images)));
        assertEquals(DatasetFormat.IMAGE_FOLDER, FileDatasetSource.detect(Fixtures.zip(dir.resolve("imgs.zip"), images)));
    }

    @Test
    void givenAMissingPath_thenNoSuchFileNamesIt() {
        Path missing = dir.resolve("nowhere");

        NoSuchFileException e = assertThrows(NoSuchFileException.class,
                () -> source.read(missing, DatasetFormat.AUTO));

        assertMessage(e, missing.toString(), "not found");
    }

    @Test
    void givenAnUnknownFolder_thenTheMessageSaysWhatIsExpectedAndWhatIsThere() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("odd"));
        Files.writeString(folder.resolve("notes.txt"), "x");

        IOException e = assertThrows(IOException.class, () -> source.read(folder, DatasetFormat.AUTO));

        assertMessage(e, "odd", "unknown dataset layout", "train-images-idx3-ubyte", "data_batch_1.bin", "notes.txt");
    }

    @Test
    void givenATarball_thenItAsksToUnpackIt() throws IOException {
        Path tar = Files.write(dir.resolve("cifar-10-binary.tar.gz"), new byte[] {0x1f, (byte) 0x8b, 8, 0});

        IOException e = assertThrows(IOException.class, () -> source.read(tar, DatasetFormat.AUTO));

        assertMessage(e, "cifar-10-binary.tar.gz", "unpack");
    }

    @Test
    void givenAForcedFormatThatDoesNotMatch_thenTheExpectedFilesAreNamed() throws IOException {
        Path idx = Fixtures.idxFolder(dir.resolve("idx"), false);

        IOException e = assertThrows(IOException.class, () -> source.read(idx, DatasetFormat.CIFAR10_BINARY));

        assertMessage(e, "no CIFAR-10 binary batches", "data_batch_1.bin", "train-images-idx3-ubyte");
    }

    @Test
    void givenAZipWithAForcedBinaryFormat_thenItIsRefused() throws IOException {
        Path zip = Fixtures.zip(dir.resolve("x.zip"), Map.of("a.txt", new byte[] {1}));

        IOException e = assertThrows(IOException.class, () -> source.read(zip, DatasetFormat.IDX));

        assertMessage(e, "x.zip", "unpack");
    }

    @Test
    void givenAForcedImageFolderOnCifarFiles_thenItFindsNoImages() throws IOException {
        Path c10 = Fixtures.cifar10Folder(dir.resolve("c10"));

        IOException e = assertThrows(IOException.class, () -> source.read(c10, DatasetFormat.IMAGE_FOLDER));

        assertMessage(e, "c10", "no images");
    }

    @Test
    void invalidSettingsAreRejectedWithTheValueFound() {
        IllegalArgumentException size = assertThrows(IllegalArgumentException.class, () -> source.withImageSize(-1));
        assertMessage(size, "-1");
        IllegalArgumentException threads = assertThrows(IllegalArgumentException.class, () -> source.withThreads(0));
        assertMessage(threads, "found 0");
    }
}
