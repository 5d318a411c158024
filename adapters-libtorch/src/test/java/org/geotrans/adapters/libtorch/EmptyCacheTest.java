package org.geotrans.adapters.libtorch;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A first run on a machine unpacks libtorch into an empty JavaCPP cache; that run must work as
 * well as every later one (a probe outside the project crashed there). A child JVM gets a cache
 * folder of its own, so the test does not depend on what earlier runs left in ~/.javacpp.
 */
class EmptyCacheTest {

    @Test
    void givenAnEmptyJavacppCache_thenLibtorchLoadsTrainsAndPredictsInAFreshJvm(@TempDir Path cache) throws Exception {
        String output;
        try {
            output = ChildJvm.run(EmptyCacheProbe.class, List.of("-Dorg.bytedeco.javacpp.cachedir=" + cache), env -> { }, 5);
        } finally {
            deleteTree(cache);
        }
        assertTrue(output.contains("probe ok"), output);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            List<Path> all = paths.sorted(Comparator.reverseOrder()).toList();
            for (Path p : all) {
                Files.deleteIfExists(p);
            }
        }
    }
}
