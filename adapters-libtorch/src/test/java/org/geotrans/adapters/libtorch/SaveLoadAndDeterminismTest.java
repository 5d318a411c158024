package org.geotrans.adapters.libtorch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.geotrans.domain.image.ImageBatch;
import org.geotrans.domain.image.ImageShape;
import org.geotrans.domain.port.ClassifierBackend;
import org.geotrans.domain.port.TrainingProgress;
import org.geotrans.domain.port.TransformationClassifier;
import org.geotrans.domain.training.ShuffledPairBatches;
import org.geotrans.domain.training.TransformedImages;
import org.geotrans.domain.transform.TransformationSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SaveLoadAndDeterminismTest {
    private static final ImageShape SHAPE = new ImageShape(16, 16, 1);
    private static final TransformationSet ROTATIONS = TransformationSet.parse("identity;rot90;rot180;rot270", SHAPE);
    private static final ImageBatch PROBE = TestData.randomBatch(SHAPE, 20, 99);

    private static LibtorchTransformationClassifierProvider provider;
    private static TransformationClassifier trained;
    private static final List<TrainingProgress> progress = new ArrayList<>();

    @BeforeAll
    static void trainOnce() {
        provider = new LibtorchTransformationClassifierProvider();
        trained = train(provider, progress);
    }

    private static TransformationClassifier train(LibtorchTransformationClassifierProvider with, List<TrainingProgress> sink) {
        ShuffledPairBatches data = new ShuffledPairBatches(
                new TransformedImages(TestData.randomImages(SHAPE, 24, 5), ROTATIONS), 32, 17);
        return with.train(data, TestData.tinySettings(2, 17), sink::add);
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
        assertEquals(ClassifierBackend.LIBTORCH, loaded.backend());
        assertArrayEquals(trained.predictSoftmax(PROBE), loaded.predictSoftmax(PROBE));
        assertArrayEquals(saved(trained), saved(loaded), "saving the loaded network writes the same bytes");
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void givenTheSameSeed_thenTrainingGivesTheSameWeightsAndScores(Precision precision) throws IOException {
        LibtorchTransformationClassifierProvider with =
                new LibtorchTransformationClassifierProvider(LibtorchTuning.of(precision));
        TransformationClassifier first = train(with, new ArrayList<>());
        TransformationClassifier second = train(with, new ArrayList<>());

        assertArrayEquals(saved(first), saved(second));
        assertArrayEquals(first.predictSoftmax(PROBE), second.predictSoftmax(PROBE));
    }

    @Test
    void givenAnotherSeed_thenTheWeightsDiffer() throws IOException {
        ShuffledPairBatches data = new ShuffledPairBatches(
                new TransformedImages(TestData.randomImages(SHAPE, 24, 5), ROTATIONS), 32, 17);
        TransformationClassifier other = provider.train(data, TestData.tinySettings(2, 18), p -> { });

        assertFalse(Arrays.equals(saved(trained), saved(other)));
    }

    @Test
    void softmaxRowsAreProbabilities() {
        float[] softmax = trained.predictSoftmax(PROBE);
        assertEquals(PROBE.count() * 4, softmax.length);
        for (int i = 0; i < PROBE.count(); i++) {
            double sum = 0;
            for (int j = 0; j < 4; j++) {
                assertTrue(softmax[i * 4 + j] >= 0 && softmax[i * 4 + j] <= 1);
                sum += softmax[i * 4 + j];
            }
            assertEquals(1.0, sum, 1e-5);
        }
    }

    @Test
    void trainingReportsEpochBatchLossSpeedAndEta() {
        TrainingProgress last = progress.get(progress.size() - 1);
        assertEquals(org.geotrans.domain.port.ProgressStage.TRAIN, last.stage());
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
                () -> provider.load(new ByteArrayInputStream("PK\u0003\u0004 not a model at all".getBytes())));
        assertOneLine(e, "header");
    }

    @Test
    void givenADl4jClassifier_thenLoadSaysWhichBackendWroteIt() {
        byte[] dl4j = "GEOTRANS-DL4J-WRN\n\0\0\0\1rest of a DL4J file".getBytes(StandardCharsets.US_ASCII);
        IOException e = assertThrows(IOException.class, () -> provider.load(new ByteArrayInputStream(dl4j)));
        assertOneLine(e, "dl4j backend");
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
    void givenAnotherVersion_thenLoadNamesIt() throws IOException {
        byte[] bytes = saved(trained);
        bytes[ModelFile.MAGIC.length + 3] = 9;
        IOException e = assertThrows(IOException.class, () -> provider.load(new ByteArrayInputStream(bytes)));
        assertOneLine(e, "version 9");
    }

    private static void assertOneLine(IOException e, String fragment) {
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }
}
