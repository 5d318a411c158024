package org.geotrans.application.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.geotrans.application.FakeClassifiers;
import org.geotrans.application.TestImages;
import org.geotrans.application.train.TrainDetectorCommand;
import org.geotrans.application.train.TrainDetectorUseCase;
import org.geotrans.domain.detector.DetectorProvenance;
import org.geotrans.domain.detector.GeoTransDetector;
import org.geotrans.domain.image.Image;
import org.geotrans.domain.image.Preprocessing;
import org.geotrans.domain.port.ClassifierBackend;
import org.geotrans.domain.port.ClassifierSettings;
import org.geotrans.domain.port.TransformationClassifier;
import org.geotrans.domain.port.TransformationClassifierProvider;
import org.geotrans.domain.training.TrainingBatches;
import org.geotrans.domain.port.ProgressListener;
import org.geotrans.domain.score.ScoreType;
import org.geotrans.domain.transform.TransformationSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZipDetectorStoreTest {
    private static GeoTransDetector detector;
    private static final List<Image> TEST = TestImages.labeled(6, 11).images();
    private final FakeClassifiers classifiers = new FakeClassifiers();
    private final ZipDetectorStore store = new ZipDetectorStore(classifiers);
    @TempDir
    Path dir;

    @BeforeAll
    static void train() {
        detector = new TrainDetectorUseCase(new FakeClassifiers()).train(new TrainDetectorCommand(
                TestImages.labeled(20, 3).imagesOfClass(1), new Preprocessing(10), TransformationSet.paper72(2),
                new ClassifierSettings(10, 1, 1, 32, 1e-3, 0, 17), 0, ScoreType.SIMPLIFIED,
                DetectorProvenance.empty().with("dataset", "bars")), ProgressListener.SILENT);
    }

    @Test
    void aSavedDetectorLoadsWithIdenticalScoresAndSettings() throws IOException {
        Path file = dir.resolve("model.geotrans");
        store.save(detector, file, false);
        GeoTransDetector loaded = store.load(file);
        assertEquals(detector.rawShape(), loaded.rawShape());
        assertEquals(detector.preprocessing(), loaded.preprocessing());
        assertEquals(detector.transformations(), loaded.transformations());
        assertEquals(ScoreType.SIMPLIFIED, loaded.defaultScore());
        assertEquals("bars", loaded.provenance().entries().get("dataset"));
        assertTrue(Arrays.deepEquals(detector.dirichlet().alphas(), loaded.dirichlet().alphas()));
        for (ScoreType type : ScoreType.values()) {
            assertArrayEquals(detector.score(TEST, type, 5, ProgressListener.SILENT),
                    loaded.score(TEST, type, 5, ProgressListener.SILENT), type.name());
        }
    }

    @Test
    void anExistingFileIsKeptUnlessOverwritingIsAllowed() throws IOException {
        Path file = dir.resolve("model.geotrans");
        Files.writeString(file, "precious");
        assertThrows(FileAlreadyExistsException.class, () -> store.save(detector, file, false));
        assertEquals("precious", Files.readString(file));
        store.save(detector, file, true);
        assertEquals(detector.transformations(), store.load(file).transformations());
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file is left behind");
        }
    }

    @Test
    void missingForeignTruncatedAndDamagedFilesGiveOneLineErrors() throws IOException {
        assertOneLine(assertThrows(IOException.class, () -> store.load(dir.resolve("nope.geotrans"))));

        Path text = dir.resolve("text.geotrans");
        Files.writeString(text, "hello, I am not a zip");
        assertOneLine(assertThrows(IOException.class, () -> store.load(text)));

        Path good = dir.resolve("good.geotrans");
        store.save(detector, good, false);
        byte[] bytes = Files.readAllBytes(good);
        Path truncated = dir.resolve("truncated.geotrans");
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 2));
        assertOneLine(assertThrows(IOException.class, () -> store.load(truncated)));

        Path foreign = dir.resolve("foreign.zip");
        zip(foreign, "readme.txt", "hi");
        IOException e = assertThrows(IOException.class, () -> store.load(foreign));
        assertTrue(e.getMessage().contains("not a GeoTrans model"), e.getMessage());
    }

    @Test
    void aNewerFormatVersionIsRefusedWithBothVersions() throws IOException {
        Path file = dir.resolve("future.geotrans");
        zip(file, ZipDetectorStore.META, "format=geotrans-detector\nformat-version=9\n");
        IOException e = assertThrows(IOException.class, () -> store.load(file));
        assertTrue(e.getMessage().contains("version 9") && e.getMessage().contains("version 1"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void givenReadersForSeveralBackends_thenAFileIsReadByTheBackendThatWroteIt_andNoOtherIsStarted() throws IOException {
        Path file = dir.resolve("model.geotrans");
        store.save(detector, file, false);
        ZipDetectorStore both = new ZipDetectorStore(Map.of(
                ClassifierBackend.DL4J, () -> classifiers,
                ClassifierBackend.LIBTORCH, () -> {
                    throw new AssertionError("the libtorch reader was started for a dl4j file");
                }));

        GeoTransDetector loaded = both.load(file);

        assertArrayEquals(detector.score(TEST, ScoreType.SIMPLIFIED, 5, ProgressListener.SILENT),
                loaded.score(TEST, ScoreType.SIMPLIFIED, 5, ProgressListener.SILENT));
    }

    @Test
    void aModelOfAnotherBackendIsRefusedNamingBoth() throws IOException {
        Path file = dir.resolve("model.geotrans");
        store.save(detector, file, false);
        TransformationClassifierProvider libtorch = new TransformationClassifierProvider() {
            @Override
            public ClassifierBackend backend() {
                return ClassifierBackend.LIBTORCH;
            }

            @Override
            public TransformationClassifier train(TrainingBatches data, ClassifierSettings settings, ProgressListener progress) {
                throw new UnsupportedOperationException();
            }

            @Override
            public TransformationClassifier load(InputStream in) throws IOException {
                return classifiers.load(in);
            }
        };
        IOException e = assertThrows(IOException.class, () -> new ZipDetectorStore(libtorch).load(file));
        assertTrue(e.getMessage().contains("dl4j backend") && e.getMessage().contains("libtorch backend"), e.getMessage());
        assertOneLine(e);
    }

    @Test
    void alphasSurviveTheTextFormatExactly() {
        double[][] alphas = {{0.1, 1e-300, 123456.789}, {Math.PI, Math.E, 1.0 / 3}, {2, 3, 4}};
        assertTrue(Arrays.deepEquals(alphas, ZipDetectorStore.parseAlphas(ZipDetectorStore.alphasText(alphas), 3)));
        assertThrows(IllegalArgumentException.class, () -> ZipDetectorStore.parseAlphas("1 2\n3 4\n", 3));
    }

    private static void assertOneLine(IOException e) {
        assertTrue(e.getMessage() != null && !e.getMessage().contains("\n"), String.valueOf(e.getMessage()));
    }

    private static void zip(Path file, String entry, String content) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry(entry));
            z.write(content.getBytes());
            z.closeEntry();
        }
    }
}
