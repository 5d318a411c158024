package org.geotrans.adapters.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.geotrans.application.evaluate.DetectorKind;
import org.geotrans.application.evaluate.RunResult;
import org.geotrans.domain.data.LabeledImages;
import org.geotrans.domain.image.Image;
import org.geotrans.domain.image.ImageShape;
import org.junit.jupiter.api.Test;

class ScoresCsvTest {
    private static final ImageShape SHAPE = new ImageShape(1, 1, 1);

    @Test
    void aDetectorThatScoredACappedSubsetLeavesTheOtherImagesCellsEmpty() {
        LabeledImages test = new LabeledImages(SHAPE, List.of(image(), image(), image(), image(), image()),
                new int[] {0, 1, 0, 1, 1}, List.of("a", "b"));
        int[] testIndices = {0, 2, 3, 4};
        RunResult all = result(DetectorKind.DEEP_SVDD, new double[] {1, 2, 3, 4}, new boolean[] {true, true, false, false},
                new int[] {0, 1, 2, 3});
        RunResult capped = result(DetectorKind.ADGAN, new double[] {-2, -4}, new boolean[] {true, false}, new int[] {1, 3});

        assertEquals("""
                index,label,class,normal,deep-svdd,adgan
                0,0,a,1,1.0,
                2,0,a,1,2.0,-2.0
                3,1,b,0,3.0,
                4,1,b,0,4.0,-4.0
                """, ScoresCsv.ofRun(testIndices, test, List.of(all, capped)));
        assertEquals("""
                index,label,class,normal,adgan
                2,0,a,1,-2.0
                4,1,b,0,-4.0
                """, ScoresCsv.ofRun(testIndices, test, List.of(capped)));
    }

    private static RunResult result(DetectorKind kind, double[] scores, boolean[] normal, int[] positions) {
        return new RunResult(0, "a", kind, 0, 7, 0.5, 0.5, 0.5, 1, 1, scores, normal, positions, new int[] {0}, Map.of(), null);
    }

    private static Image image() {
        return new Image(SHAPE, new float[] {0});
    }
}
