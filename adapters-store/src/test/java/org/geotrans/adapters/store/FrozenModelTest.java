package org.geotrans.adapters.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.geotrans.domain.decision.DecisionThreshold;
import org.geotrans.domain.detector.GeoTransDetector;
import org.geotrans.domain.port.ClassifierBackend;
import org.geotrans.domain.port.ProgressListener;
import org.geotrans.domain.score.ScoreType;
import org.geotrans.domain.transform.TransformationSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A model file of the current format, written once and kept as it is: a change that can no
 * longer read it, or reads it into other scores, fails here. Only a new format version may
 * replace it (keep this file reading, or refuse it with a clear message, and add the new one).
 */
class FrozenModelTest {
    static final String V3 = "frozen-v3.geotrans";
    static final String V2 = "frozen-v2.geotrans";
    /** The threshold written into the version 3 file. */
    static final DecisionThreshold THRESHOLD = new DecisionThreshold(0.05, 40, "held-out share 0.1 of 400 normal images",
            Map.of(ScoreType.DIRICHLET, -358.25, ScoreType.SIMPLIFIED, 0.11));
    static final String V1 = "frozen-v1.geotrans";

    /**
     * Scores of {@code Detectors.images(4, 99)} by the frozen detector, as written: the sums over its
     * 8 transformations, divided by 8 since the Dirichlet score is the reference code's mean.
     */
    private static final double[] DIRICHLET = {-2878.5074991602455 / 8, -2866.2227231845122 / 8, -2857.58113284167 / 8,
        -2858.880664579534 / 8};
    private static final double[] SIMPLIFIED = {0.10800100117921829, 0.11474948469549417, 0.1287843408063054,
        0.1275419732555747};

    @Test
    void theFrozenVersionTwoModelLoadsWithItsSettingsAndScoresAndNoThreshold() throws IOException {
        GeoTransDetector d = read(V2);
        assertSettingsAndScores(d);
        assertTrue(d.threshold().isEmpty(), "a version 2 model was saved before detectors had a threshold");
    }

    @Test
    void theFrozenVersionThreeModelLoadsWithItsSettingsScoresAndThreshold() throws IOException {
        GeoTransDetector d = read(V3);
        assertSettingsAndScores(d);
        assertEquals(THRESHOLD, d.threshold().orElseThrow());
    }

    private GeoTransDetector read(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/" + name)) {
            return new ZipDetectorStore(List.of(new FakeNetworks(ClassifierBackend.DL4J))).read(in, name);
        }
    }

    private static void assertSettingsAndScores(GeoTransDetector d) {
        assertEquals(TransformationSet.simple8(), d.transformations());
        assertEquals(Detectors.RAW, d.rawShape());
        assertEquals(10, d.preprocessing().padTo());
        assertEquals(ScoreType.DIRICHLET, d.defaultScore());
        assertEquals("random", d.provenance().entries().get("dataset"));
        Map<ScoreType, double[]> scores = d.scores(Detectors.images(4, 99), 4, ProgressListener.SILENT);
        assertArrayEquals(DIRICHLET, scores.get(ScoreType.DIRICHLET), 1e-9);
        assertArrayEquals(SIMPLIFIED, scores.get(ScoreType.SIMPLIFIED), 1e-12);
    }

    /**
     * Writes the frozen file of the current version: {@code mvn -pl adapters-store test
     * -Dtest=FrozenModelTest -Dgeotrans.writeFrozenModels=adapters-store/src/test/resources}. The
     * older files were written the same way by the builds of their versions (version 1 as the
     * version 2 model without its manifest) and stay as they are.
     */
    @Test
    @EnabledIfSystemProperty(named = "geotrans.writeFrozenModels", matches = ".+")
    void writeTheFrozenFile() throws IOException {
        Path dir = Path.of(System.getProperty("geotrans.writeFrozenModels"));
        GeoTransDetector d = Detectors.fitted(new FakeNetworks(ClassifierBackend.DL4J), TransformationSet.simple8(),
                ScoreType.DIRICHLET).withThreshold(THRESHOLD);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ZipDetectorStore(List.of(new FakeNetworks(ClassifierBackend.DL4J))).write(d, out);
        Files.write(dir.resolve(V3), out.toByteArray());
        Map<ScoreType, double[]> scores = d.scores(Detectors.images(4, 99), 4, ProgressListener.SILENT);
        System.out.println("DIRICHLET = " + java.util.Arrays.toString(scores.get(ScoreType.DIRICHLET)));
        System.out.println("SIMPLIFIED = " + java.util.Arrays.toString(scores.get(ScoreType.SIMPLIFIED)));
    }
}
