package org.geotrans.adapters.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.geotrans.domain.decision.DecisionThreshold;
import org.geotrans.domain.detector.GeoTransDetector;
import org.geotrans.domain.image.Image;
import org.geotrans.domain.port.ClassifierBackend;
import org.geotrans.domain.port.ProgressListener;
import org.geotrans.domain.score.ScoreType;
import org.geotrans.domain.transform.TransformationSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZipDetectorStoreTest {
    private static final List<Image> TEST = Detectors.images(12, 11);
    private static GeoTransDetector detector;
    private static byte[] model;
    private final FakeNetworks dl4j = new FakeNetworks(ClassifierBackend.DL4J);
    private final ZipDetectorStore store = new ZipDetectorStore(List.of(dl4j));
    @TempDir
    Path dir;

    @BeforeAll
    static void fit() throws IOException {
        detector = Detectors.fitted(new FakeNetworks(ClassifierBackend.DL4J), TransformationSet.paper72(2), ScoreType.SIMPLIFIED);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ZipDetectorStore(List.of(new FakeNetworks(ClassifierBackend.DL4J))).write(detector, out);
        model = out.toByteArray();
    }

    @Test
    void aSavedDetectorLoadsWithIdenticalScoresAndSettings() throws IOException {
        Path file = dir.resolve("model.geotrans");
        store.save(detector, file, false);
        assertSameDetector(store.load(file));
    }

    @Test
    void aDetectorWrittenToAStreamReadsBackFromOneWithoutAnyFile() throws IOException {
        assertSameDetector(store.read(new ByteArrayInputStream(model), "bytes"));
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
        assertOneLineNaming(assertThrows(IOException.class, () -> store.load(dir.resolve("nope.geotrans"))), "nope.geotrans");

        Path text = Files.writeString(dir.resolve("text.geotrans"), "hello, I am not a zip");
        assertOneLineNaming(assertThrows(IOException.class, () -> store.load(text)), "text.geotrans");

        Path truncated = Files.write(dir.resolve("truncated.geotrans"), Arrays.copyOf(model, model.length / 2));
        assertOneLineNaming(assertThrows(IOException.class, () -> store.load(truncated)), "truncated.geotrans");

        Path foreign = dir.resolve("foreign.zip");
        Files.write(foreign, ModelZips.zip(Map.of("readme.txt", "hi".getBytes())));
        IOException e = assertThrows(IOException.class, () -> store.load(foreign));
        assertTrue(e.getMessage().contains("not a GeoTrans model"), e.getMessage());
    }

    @Test
    void aNewerFormatVersionIsRefusedWithBothVersions() {
        IOException e = assertRefused(ModelZips.zipUnchecked(Map.of(ModelFormat.META,
                "format=geotrans-detector\nformat-version=9\n".getBytes())), "version 9");
        assertTrue(e.getMessage().contains("versions " + ModelFormat.OLDEST_READABLE + " to " + ModelFormat.VERSION), e.getMessage());
    }

    @Test
    void aVersionOneFileWithoutIntegrityCheckIsRefusedWithAWayForward() throws IOException {
        Path file = dir.resolve("v1.geotrans");
        try (var in = getClass().getResourceAsStream("/frozen-v1.geotrans")) {
            Files.copy(in, file);
        }
        IOException e = assertThrows(IOException.class, () -> store.load(file));
        assertOneLineNaming(e, "v1.geotrans");
        assertTrue(e.getMessage().contains("version 1") && e.getMessage().contains("train the detector again"), e.getMessage());
    }

    @Test
    void everyAlteredPartIsRefused() throws IOException {
        // the transformation list swapped for another of the same size: the network no longer matches it
        assertRefused(ModelZips.edited(model, ModelFormat.META, s -> s.replace("transformations=paper72\\:2",
                "transformations=paper72\\:3")), "altered");
        assertRefused(ModelZips.edited(model, ModelFormat.META, s -> s.replace("default-score=SIMPLIFIED",
                "default-score=DIRICHLET")), "altered");
        assertRefused(ModelZips.edited(model, ModelFormat.META, s -> s.replace("backend=dl4j", "backend=libtorch")), "altered");
        assertRefused(ModelZips.edited(model, ModelFormat.ALPHAS, s -> "1.0E308" + s.substring(s.indexOf(' '))), "altered");
        Map<String, byte[]> entries = ModelZips.entries(model);
        entries.get(ModelFormat.NETWORK)[entries.get(ModelFormat.NETWORK).length - 1] ^= 1;
        assertRefused(ModelZips.zip(entries), "altered");
        assertRefused(ModelZips.edited(model, ModelFormat.MANIFEST, s -> s.replace(" classifier.bin", " network.bin")),
                "altered");
        Map<String, byte[]> unsealed = ModelZips.entries(model);
        unsealed.remove(ModelFormat.MANIFEST_DIGEST);
        assertRefused(ModelZips.zip(unsealed), "integrity manifest is missing");
    }

    @Test
    void valuesOutOfRangeAreRefusedEvenWhenTheManifestWasRecomputed() throws IOException {
        assertRefused(ModelZips.editedAndResealed(model, ModelFormat.ALPHAS, s -> "1.0E308" + s.substring(s.indexOf(' '))),
                "out of range");
        assertRefused(ModelZips.editedAndResealed(model, ModelFormat.ALPHAS, s -> "NaN" + s.substring(s.indexOf(' '))),
                "out of range");
        assertRefused(ModelZips.editedAndResealed(model, ModelFormat.ALPHAS, s -> "-1" + s.substring(s.indexOf(' '))),
                "out of range");
        assertRefused(ModelZips.editedAndResealed(model, ModelFormat.META, s -> s.replaceAll("dirichlet-clipping-epsilon=.*",
                "dirichlet-clipping-epsilon=0.5")), "out of range");
        assertRefused(ModelZips.editedAndResealed(model, ModelFormat.META, s -> s.replace("transformation-count=72",
                "transformation-count=71")), "transformation-count");
        assertRefused(ModelZips.editedAndResealed(model, ModelFormat.META, s -> s.replace("raw-shape=8x8x1",
                "raw-shape=40000x40000x1")), "out of range");
        // a list that does not fit the network (8 transformations, the network tells 72 apart)
        assertRefused(ModelZips.editedAndResealed(ModelZips.editedAndResealed(model, ModelFormat.META,
                s -> s.replace("transformations=paper72\\:2", "transformations=simple8").replace("transformation-count=72",
                        "transformation-count=8")), ModelFormat.ALPHAS, s -> eightRows()), "72 transformations apart");
    }

    @Test
    void aCalibratedThresholdReadsBackExactlyAndADetectorWithoutOneReadsBackWithout() throws IOException {
        DecisionThreshold threshold = new DecisionThreshold(0.05, 100, "held-out share 0.1 of 1000 normal images",
                Map.of(ScoreType.DIRICHLET, -123.45678901234567, ScoreType.SIMPLIFIED, 0.1 / 3));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        store.write(detector.withThreshold(threshold), out);
        assertEquals(threshold, store.read(new ByteArrayInputStream(out.toByteArray()), "bytes").threshold().orElseThrow());
        assertTrue(store.read(new ByteArrayInputStream(model), "bytes").threshold().isEmpty());
    }

    @Test
    void aThresholdOutOfRangeIsRefusedEvenWhenTheManifestWasRecomputed() throws IOException {
        DecisionThreshold threshold = new DecisionThreshold(0.05, 100, "folder",
                Map.of(ScoreType.DIRICHLET, -1.5, ScoreType.SIMPLIFIED, 0.25));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        store.write(detector.withThreshold(threshold), out);
        byte[] calibrated = out.toByteArray();
        assertRefused(ModelZips.editedAndResealed(calibrated, ModelFormat.META,
                s -> s.replace("threshold.dirichlet=-1.5", "threshold.dirichlet=NaN")), "threshold.dirichlet must be finite");
        assertRefused(ModelZips.editedAndResealed(calibrated, ModelFormat.META,
                s -> s.replace("threshold.target-false-alarm-rate=0.05", "threshold.target-false-alarm-rate=1.5")),
                "false-alarm rate must be in (0, 1)");
        assertRefused(ModelZips.editedAndResealed(calibrated, ModelFormat.META,
                s -> s.replaceAll("threshold.simplified=.*\\n", "")), "threshold.simplified' is missing");
    }

    @Test
    void anEntryNameThatIsNotUtf8IsReportedWithTheFileName() throws IOException {
        byte[] bytes = ModelZips.zip(Map.of("geotrans.propertieX", new byte[] {1}));
        byte[] name = "geotrans.propertieX".getBytes();
        for (int i = 0; i + name.length <= bytes.length; i++) {
            if (Arrays.equals(Arrays.copyOfRange(bytes, i, i + name.length), name)) {
                bytes[i + name.length - 1] = (byte) 0xFF;
            }
        }
        IOException e = assertRefused(bytes, "entry name is not valid UTF-8");
        assertFalse(e.getMessage().contains("malformed input off"), e.getMessage());
    }

    @Test
    void aHugeDeclaredEntryIsRefusedBeforeItIsRead() throws IOException {
        // a stored entry whose local header claims 1.5 GB; the bytes themselves are a handful
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            ZipEntry entry = new ZipEntry(ModelFormat.NETWORK);
            entry.setMethod(ZipEntry.STORED);
            entry.setSize(4);
            entry.setCompressedSize(4);
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(new byte[4]);
            entry.setCrc(crc.getValue());
            zip.putNextEntry(entry);
            zip.write(new byte[4]);
            zip.closeEntry();
        }
        byte[] bytes = out.toByteArray();
        long huge = 1_500_000_000L;
        for (int offset : new int[] {18, 22}) {
            for (int b = 0; b < 4; b++) {
                bytes[offset + b] = (byte) (huge >>> (8 * b));
            }
        }
        IOException e = assertRefused(bytes, "declares 1500000000 bytes");
        assertTrue(e.getMessage().contains(ModelEntries.MAX_NETWORK_BYTES_PROPERTY), e.getMessage());
    }

    @Test
    void aFileWhoseDirectoryClaimsAHugeEntryIsRefusedBeforeAnythingIsInflated() throws IOException {
        // a deflated entry's local header declares no size; the central directory at the end does
        byte[] bytes = model.clone();
        byte[] name = ModelFormat.NETWORK.getBytes();
        int patched = 0;
        for (int i = 0; i + 46 + name.length <= bytes.length; i++) {
            boolean central = bytes[i] == 0x50 && bytes[i + 1] == 0x4b && bytes[i + 2] == 0x01 && bytes[i + 3] == 0x02;
            if (central && Arrays.equals(Arrays.copyOfRange(bytes, i + 46, i + 46 + name.length), name)) {
                long huge = 1_500_000_000L;
                for (int b = 0; b < 4; b++) {
                    bytes[i + 24 + b] = (byte) (huge >>> (8 * b));
                }
                patched++;
            }
        }
        assertEquals(1, patched);
        Path file = Files.write(dir.resolve("bomb.geotrans"), bytes);
        IOException e = assertThrows(IOException.class, () -> store.load(file));
        assertOneLineNaming(e, "bomb.geotrans");
        assertTrue(e.getMessage().contains("declares 1500000000 bytes"), e.getMessage());
    }

    @Test
    void anEntryLargerThanItsCapIsRefusedWhileReadingWhenItsSizeIsNotDeclared() {
        System.setProperty(ModelEntries.MAX_NETWORK_BYTES_PROPERTY, "10");
        try {
            assertRefused(model, "more than the limit of 10 bytes");
        } finally {
            System.clearProperty(ModelEntries.MAX_NETWORK_BYTES_PROPERTY);
        }
    }

    @Test
    void theProviderOfTheBackendTheFileNamesReadsTheNetwork() throws IOException {
        FakeNetworks libtorch = new FakeNetworks(ClassifierBackend.LIBTORCH);
        ZipDetectorStore both = new ZipDetectorStore(List.of(libtorch, dl4j));
        assertSameDetector(both.read(new ByteArrayInputStream(model), "bytes"));
        assertEquals(1, dl4j.loads);
        assertEquals(0, libtorch.loads);

        IOException e = assertThrows(IOException.class,
                () -> new ZipDetectorStore(List.of(libtorch)).read(new ByteArrayInputStream(model), "m.geotrans"));
        assertOneLineNaming(e, "m.geotrans");
        assertTrue(e.getMessage().contains("dl4j backend, which is not installed here (installed: libtorch)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ZipDetectorStore(List.of(dl4j, new FakeNetworks(ClassifierBackend.DL4J))));
    }

    private static String eightRows() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            b.append("1.0 1.0 1.0 1.0 1.0 1.0 1.0 1.0\n");
        }
        return b.toString();
    }

    private IOException assertRefused(byte[] bytes, String expected) {
        IOException e = assertThrows(IOException.class, () -> store.read(new ByteArrayInputStream(bytes), "edited.geotrans"));
        assertOneLineNaming(e, "edited.geotrans");
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        return e;
    }

    private static void assertSameDetector(GeoTransDetector loaded) {
        assertEquals(detector.rawShape(), loaded.rawShape());
        assertEquals(detector.preprocessing(), loaded.preprocessing());
        assertEquals(detector.transformations(), loaded.transformations());
        assertEquals(ScoreType.SIMPLIFIED, loaded.defaultScore());
        assertEquals("random", loaded.provenance().entries().get("dataset"));
        assertTrue(Arrays.deepEquals(detector.dirichlet().alphas(), loaded.dirichlet().alphas()));
        for (ScoreType type : ScoreType.values()) {
            assertArrayEquals(detector.score(TEST, type, 5, ProgressListener.SILENT),
                    loaded.score(TEST, type, 5, ProgressListener.SILENT), type.name());
        }
    }

    private static void assertOneLineNaming(IOException e, String name) {
        assertTrue(e.getMessage() != null && !e.getMessage().contains("\n"), String.valueOf(e.getMessage()));
        assertTrue(e.getMessage().contains(name), e.getMessage());
    }
}
