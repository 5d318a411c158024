package org.geotrans.adapters.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.geotrans.domain.detector.GeoTransDetector;
import org.geotrans.domain.port.ClassifierBackend;
import org.geotrans.domain.score.ScoreType;
import org.geotrans.domain.transform.TransformationSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two writers saving to the same new file at the same moment: exactly one may succeed. */
class ConcurrentSaveTest {
    @TempDir
    Path dir;

    @Test
    void ofTwoSavesToTheSameNewFileWithoutOverwritingExactlyOneSucceeds() throws Exception {
        FakeNetworks networks = new FakeNetworks(ClassifierBackend.DL4J);
        ZipDetectorStore store = new ZipDetectorStore(List.of(networks));
        GeoTransDetector simplified = Detectors.fitted(networks, TransformationSet.paper72(2), ScoreType.SIMPLIFIED);
        GeoTransDetector dirichlet = Detectors.fitted(networks, TransformationSet.paper72(2), ScoreType.DIRICHLET);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 20; round++) {
                Path file = dir.resolve("model-" + round + ".geotrans");
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<ScoreType>> saves = new ArrayList<>();
                for (GeoTransDetector d : List.of(simplified, dirichlet)) {
                    saves.add(pool.submit(() -> {
                        start.await();
                        store.save(d, file, false);
                        return d.defaultScore();
                    }));
                }
                List<ScoreType> succeeded = new ArrayList<>();
                for (Future<ScoreType> save : saves) {
                    try {
                        succeeded.add(save.get());
                    } catch (java.util.concurrent.ExecutionException e) {
                        assertInstanceOf(FileAlreadyExistsException.class, e.getCause(), "round " + round);
                    }
                }
                assertEquals(1, succeeded.size(), "round " + round + ": saves that succeeded: " + succeeded);
                assertEquals(succeeded.get(0), store.load(file).defaultScore(), "the file holds the winner's model");
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
