package org.geotrans.adapters.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.geotrans.domain.decision.DecisionMetrics;
import org.geotrans.adapters.cli.report.UnitFiles;
import org.geotrans.application.checkpoint.CheckpointPolicy;
import org.geotrans.application.checkpoint.Fingerprint;
import org.geotrans.application.checkpoint.ResumeMismatchException;
import org.geotrans.application.checkpoint.SaveRequests;
import org.geotrans.application.evaluate.DetectorKind;
import org.geotrans.application.evaluate.RunResult;
import org.geotrans.application.evaluate.Unit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnitFilesTest {
    private static final Fingerprint RUN = new Fingerprint(Map.of("settings", "a", "data", "b", "version", "c"));

    @TempDir
    Path dir;

    private UnitFiles files(Fingerprint run) {
        return new UnitFiles(dir, run, new CheckpointPolicy(dir.resolve("checkpoints"), Duration.ofMinutes(10),
                new SaveRequests(), note -> { }, "test"));
    }

    @Test
    void aUnitReadsBackExactlyAsRecordedNonFiniteScoresIncluded() throws IOException {
        Unit unit = new Unit(3, "Dress", 1, 8);
        double[] scores = {0.1, 1.0 / 3, -Double.MAX_VALUE, Double.MIN_VALUE, Double.NEGATIVE_INFINITY, Double.NaN, -0.0};
        RunResult r = new RunResult(3, "Dress", DetectorKind.GEOTRANS_DIRICHLET, 1, 8, 0.75, 0.5, Double.NaN, 12.5, 3.25,
                scores, new boolean[] {true, false, true, false, false, true, false}, new int[] {0, 2, 3, 5, 8, 11, 12},
                new int[] {0, 4, 9}, Map.of("network", "WRN-10-1"), new DecisionMetrics(-1.5, 3, 4, 1, 2));
        files(RUN).record(unit, List.of(r));
        RunResult back = files(RUN).finished(unit).orElseThrow().get(0);
        assertArrayEquals(scores, back.scores());
        assertArrayEquals(r.normal(), back.normal());
        assertArrayEquals(r.testPositions(), back.testPositions());
        assertArrayEquals(r.trainingSample(), back.trainingSample());
        assertEquals(r.details(), back.details());
        assertEquals(r.auprOut(), back.auprOut());
        assertEquals(r.detector(), back.detector());
        assertEquals(r.atThreshold(), back.atThreshold());
        assertTrue(files(RUN).finished(new Unit(3, "Dress", 0, 7)).isEmpty());
    }

    @Test
    void aUnitRecordedBeforeResultsSaidWhichTestImagesTheyScoredReadsAsScoringThemAll() throws IOException {
        Unit unit = new Unit(3, "Dress", 1, 8);
        files(RUN).record(unit, List.of(new RunResult(3, "Dress", DetectorKind.OCSVM, 1, 8, 0.5, 0.5, 0.5, 1, 1,
                new double[] {0.1, 0.2, 0.3}, new boolean[] {true, false, true}, new int[] {0, 1, 2}, new int[] {0},
                Map.of(), null)));
        Path file = dir.resolve("units/3-dress-run1.json");
        String json = Files.readString(file);
        String older = json.replaceAll("\"testPositions\"\\s*:\\s*\\[[^]]*],", "");
        assertTrue(older.length() < json.length(), json);
        Files.writeString(file, older);
        assertArrayEquals(new int[] {0, 1, 2}, files(RUN).finished(unit).orElseThrow().get(0).testPositions());
    }

    @Test
    void checkpointsLeftBehindByAKillAfterTheUnitWasRecordedGoWhenItIsReadBack() throws IOException {
        Unit unit = new Unit(1, "Trouser", 0, 7);
        files(RUN).record(unit, List.of());
        Path left = Files.createDirectories(dir.resolve("checkpoints/1-trouser-run0"));
        Files.write(left.resolve("checkpoint-000000000040.bin"), new byte[] {1});
        assertTrue(files(RUN).finished(unit).isPresent());
        assertTrue(Files.notExists(left), "checkpoints of a recorded unit are deleted");
    }

    @Test
    void aUnitOfAnotherRunIsRefusedNamingTheDifference() throws IOException {
        Unit unit = new Unit(0, "T-shirt/top", 0, 7);
        files(RUN).record(unit, List.of());
        Fingerprint other = new Fingerprint(Map.of("settings", "a", "data", "B", "version", "c"));
        ResumeMismatchException e = assertThrows(ResumeMismatchException.class, () -> files(other).finished(unit));
        assertTrue(e.getMessage().endsWith("different data: b there, B now"), e.getMessage());
        assertTrue(Files.exists(dir.resolve("units/0-t-shirt-top-run0.json")));
    }
}
