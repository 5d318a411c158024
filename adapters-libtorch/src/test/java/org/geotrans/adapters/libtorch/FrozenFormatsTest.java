package org.geotrans.adapters.libtorch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.geotrans.domain.image.ImageBatch;
import org.geotrans.domain.image.ImageShape;
import org.geotrans.domain.port.ProgressListener;
import org.geotrans.domain.port.TrainingCheckpoint;
import org.geotrans.domain.port.TrainingCheckpoints;
import org.geotrans.domain.port.TransformationClassifier;
import org.geotrans.domain.training.ShuffledPairBatches;
import org.geotrans.domain.training.TrainingPosition;
import org.geotrans.domain.training.TransformedImages;
import org.geotrans.domain.transform.TransformationSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A saved classifier and a training checkpoint of each format version, written once by the build
 * of that version and kept as they are: a change that can no longer read them, or reads them into
 * another network (other predictions), fails here. 8x8 inputs, so that a strided 3x3 convolution
 * pads unevenly and a change of padding shows in the predictions.
 */
class FrozenFormatsTest {
    private static final ImageShape SHAPE = new ImageShape(8, 8, 1);
    private static final TransformationSet ROTATIONS = TransformationSet.parse("identity;rot90;rot180;rot270", SHAPE);
    private static final ImageBatch PROBE = TestData.randomBatch(SHAPE, 3, 99);
    /** 16 images x 4 rotations in batches of 32: 2 steps per epoch. */
    private static final int EPOCHS = 2;
    private static final long STEPS = 4;

    /** Softmax of {@link #PROBE} by the version 1 files' network, as the build of version 1 printed it. */
    private static final float[] V1_SOFTMAX = {
        0.26401755f, 0.23746356f, 0.25327533f, 0.24524358f,
        0.2553326f, 0.24765088f, 0.22878885f, 0.26822773f,
        0.2957583f, 0.19288523f, 0.27951953f, 0.23183689f};
    /** The same for version 2 (the reference's padding and pooling). */
    private static final float[] V2_SOFTMAX = {
        0.2215008f, 0.27097526f, 0.26279888f, 0.24472506f,
        0.2175644f, 0.2509295f, 0.24080993f, 0.29069617f,
        0.23744571f, 0.23546861f, 0.30086866f, 0.22621708f};

    /** Other processors' kernels sum in another order; a changed network moves these by far more (below). */
    private static final float TOLERANCE = 1e-4f;

    private static float[] softmax(int version) {
        return version == 1 ? V1_SOFTMAX : V2_SOFTMAX;
    }

    private static ShuffledPairBatches data() {
        return new ShuffledPairBatches(new TransformedImages(TestData.randomImages(SHAPE, 16, 5), ROTATIONS), 32, 17);
    }

    private static LibtorchTransformationClassifierProvider fp32() {
        return new LibtorchTransformationClassifierProvider(LibtorchTuning.of(Precision.FP32).withThreads(1));
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = FrozenFormatsTest.class.getResourceAsStream("/" + name)) {
            return in.readAllBytes();
        }
    }

    @ParameterizedTest(name = "version {0}")
    @ValueSource(ints = {1, 2})
    void aClassifierPredictsAsItDidWhenItWasWritten(int version) throws IOException {
        TransformationClassifier loaded = load(version);

        assertArrayEquals(softmax(version), loaded.predictSoftmax(PROBE), TOLERANCE);
    }

    @ParameterizedTest(name = "version {0}")
    @ValueSource(ints = {1, 2})
    void aCheckpointContinuesIntoTheNetworkItWasTakenFrom(int version) throws IOException {
        byte[] state = resource("frozen-libtorch-state-v" + version + ".bin");
        TransformationClassifier resumed = fp32().train(data(), TestData.tinySettings(EPOCHS, 17), ProgressListener.SILENT,
                new OfferedState(state, total -> new TrainingPosition(EPOCHS, 0, total, total)));

        assertArrayEquals(softmax(version), resumed.predictSoftmax(PROBE), TOLERANCE);
    }

    /** What the tests above guard against: version 1's weights in today's network predict otherwise. */
    @Test
    void versionOneWeightsPaddedAndPooledAsTheReferencePredictOtherwise() throws IOException {
        LibtorchTransformationClassifier v1 = (LibtorchTransformationClassifier) load(1);
        NetworkSpec spec = v1.network().spec();
        assertEquals(NetworkRevision.SYMMETRIC_PADDING, spec.revision());
        try (WideResNet current = new WideResNet(new NetworkSpec(spec.shape(), spec.classes(), spec.settings()))) {
            for (int i = 0; i < current.entries().size(); i++) {
                Tensors.assign(current.entries().get(i).tensor(), Tensors.values(v1.network().entries().get(i).tensor()));
            }
            float[] moved = new LibtorchTransformationClassifier(current, LibtorchTuning.of(Precision.FP32)).predictSoftmax(PROBE);
            double largest = 0;
            for (int i = 0; i < moved.length; i++) {
                largest = Math.max(largest, Math.abs(moved[i] - V1_SOFTMAX[i]));
            }
            assertTrue(largest > 1e-3, "the padding moves the predictions by " + largest);
        }
    }

    private static TransformationClassifier load(int version) throws IOException {
        return fp32().load(new ByteArrayInputStream(resource("frozen-libtorch-classifier-v" + version + ".bin")));
    }

    /**
     * Writes the current version's files: {@code mvn -pl adapters-libtorch test -Dtest=FrozenFormatsTest
     * -Dgeotrans.writeFrozenModels=adapters-libtorch/src/test/resources}, then copy the printed
     * softmax into a constant of that version.
     */
    @Test
    @EnabledIfSystemProperty(named = "geotrans.writeFrozenModels", matches = ".+")
    void writeTheFrozenFiles() throws IOException {
        Path dir = Path.of(System.getProperty("geotrans.writeFrozenModels"));
        Capturing checkpoints = new Capturing();
        TransformationClassifier trained = fp32().train(data(), TestData.tinySettings(EPOCHS, 17), ProgressListener.SILENT,
                checkpoints);
        ByteArrayOutputStream model = new ByteArrayOutputStream();
        trained.save(model);
        String version = "v" + ModelFile.VERSION;
        Files.write(dir.resolve("frozen-libtorch-classifier-" + version + ".bin"), model.toByteArray());
        Files.write(dir.resolve("frozen-libtorch-state-" + version + ".bin"), checkpoints.last);
        System.out.println("SOFTMAX " + version + " = " + Arrays.toString(trained.predictSoftmax(PROBE)));
    }

    /** Keeps the state of the last save. */
    private static final class Capturing implements TrainingCheckpoints {
        byte[] last;

        @Override
        public Optional<TrainingCheckpoint> begin(long totalSteps) {
            assertEquals(STEPS, totalSteps);
            return Optional.empty();
        }

        @Override
        public boolean due(TrainingPosition position) {
            return false;
        }

        @Override
        public void save(TrainingPosition position, StateWriter state) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            state.write(out);
            last = out.toByteArray();
        }

        @Override
        public void end() {
        }
    }
}
