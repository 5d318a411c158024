package org.geotrans.adapters.dl4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.geotrans.domain.image.ImageBatch;
import org.geotrans.domain.image.ImageShape;
import org.geotrans.domain.port.ProgressStage;
import org.geotrans.domain.port.TrainingProgress;
import org.geotrans.domain.port.TransformationClassifier;
import org.geotrans.domain.training.ShuffledPairBatches;
import org.geotrans.domain.training.TransformedImages;
import org.geotrans.domain.transform.TransformationSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SaveLoadAndDeterminismTest {
    private static final ImageShape SHAPE = new ImageShape(16, 16, 1);
    private static final TransformationSet ROTATIONS = TransformationSet.parse("identity;rot90;rot180;rot270", SHAPE);
    private static final ImageBatch PROBE = TestData.randomBatch(SHAPE, 20, 99);

    private static Dl4jTransformationClassifierProvider provider;
    private static TransformationClassifier trained;
    private static final List<TrainingProgress> progress = new ArrayList<>();

    @BeforeAll
    static void trainOnce() {
        provider = new Dl4jTransformationClassifierProvider();
        trained = train(progress);
    }

    private static TransformationClassifier train(List<TrainingProgress> sink) {
        ShuffledPairBatches data = new ShuffledPairBatches(
                new TransformedImages(TestData.randomImages(SHAPE, 24, 5), ROTATIONS), 32, 17);
        return provider.train(data, TestData.tinySettings(2, 17), sink::add);
    }

    private static byte[] saved(TransformationClassifier classifier) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        classifier.save(out);
        return out.toByteArray();
    }

    @Test
    void givenATrainedClassifier_whenSavedAndLoaded_thenSoftmaxOutputsAreIdentical() throws IOException {
        TransformationClassifier loaded = provider.load(new ByteArrayInputStream(saved(trained)));

        assertEquals(trained.inputShape(), loaded.inputShape());
        assertEquals(4, loaded.transformationCount());
        assertEquals(trained.describe(), loaded.describe());
        assertArrayEquals(trained.predictSoftmax(PROBE), loaded.predictSoftmax(PROBE));
    }

    @Test
    void givenTheSameSeed_thenTrainingGivesTheSameNetworkOnCpu() {
        assertArrayEquals(trained.predictSoftmax(PROBE), train(new ArrayList<>()).predictSoftmax(PROBE));
    }

    @Test
    void trainingReportsEpochBatchLossSpeedAndEta() {
        TrainingProgress last = progress.get(progress.size() - 1);
        assertEquals(ProgressStage.TRAIN, last.stage());
        assertEquals(2, last.epoch());
        assertEquals(2, last.epochs());
        assertEquals(6, last.total(), "24 images x 4 rotations in batches of 32, twice");
        assertEquals(6, last.done());
        assertEquals(0.0, last.etaSeconds(), 1e-9);
        assertTrue(progress.stream().allMatch(p -> Double.isFinite(p.loss()) && p.imagesPerSecond() > 0),
                progress.toString());
        assertTrue(progress.stream().anyMatch(p -> p.epoch() == 1));
    }

    @Test
    void givenGarbage_thenLoadFailsWithAOneLineIoException() {
        IOException e = assertThrows(IOException.class,
                () -> provider.load(new ByteArrayInputStream("PK\u0003\u0004 not a model".getBytes())));
        assertOneLine(e, "header");
    }

    @Test
    void givenATruncatedFile_thenLoadFailsWithAOneLineIoException() throws IOException {
        byte[] bytes = saved(trained);
        IOException e = assertThrows(IOException.class,
                () -> provider.load(new ByteArrayInputStream(Arrays.copyOf(bytes, bytes.length / 2))));
        assertOneLine(e, "ends early");
    }

    @Test
    void givenAFlippedByte_thenLoadFailsOnTheChecksum() throws IOException {
        byte[] bytes = saved(trained);
        bytes[bytes.length - 100] ^= 1;
        IOException e = assertThrows(IOException.class, () -> provider.load(new ByteArrayInputStream(bytes)));
        assertOneLine(e, "checksum");
    }

    @Test
    void givenAModelZipWithAnExtraEntry_thenItIsRefusedBeforeDl4jDeserializesIt() throws IOException {
        byte[] bytes = saved(trained);
        // the zip is the tail of the file, after its length and CRC; rebuild it with one more entry
        int zipStart = findZipStart(bytes);
        ByteArrayOutputStream tampered = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(bytes, zipStart, bytes.length - zipStart));
             ZipOutputStream out = new ZipOutputStream(tampered)) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                in.transferTo(out);
            }
            out.putNextEntry(new ZipEntry("preprocessor.bin"));
            out.write(new byte[] {(byte) 0xAC, (byte) 0xED, 0, 5});
        }
        byte[] zip = tampered.toByteArray();
        CRC32 crc = new CRC32();
        crc.update(zip);
        ByteBuffer file = ByteBuffer.allocate(zipStart + zip.length);
        file.put(bytes, 0, zipStart - 16).putLong(zip.length).putLong(crc.getValue()).put(zip);

        IOException e = assertThrows(IOException.class, () -> provider.load(new ByteArrayInputStream(file.array())));
        assertOneLine(e, "unexpected entry 'preprocessor.bin'");
    }

    private static int findZipStart(byte[] bytes) {
        for (int i = 0; i < bytes.length - 4; i++) {
            if (bytes[i] == 'P' && bytes[i + 1] == 'K' && bytes[i + 2] == 3 && bytes[i + 3] == 4) {
                return i;
            }
        }
        throw new AssertionError("saved classifier holds no zip");
    }

    private static void assertOneLine(IOException e, String fragment) {
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }
}
