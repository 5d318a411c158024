package org.geotrans.adapters.weka;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.runner.JUnitCore;
import org.junit.runner.Result;
import org.junit.runner.notification.Failure;

/**
 * Runs Weka's AbstractClassifierTest (a JUnit 3 test case from Weka's own test suite) on both
 * classifiers through JUnit 4's runner, so no vintage engine is needed. The regression check's
 * reference is written fresh under target/ (Weka reads its root once per JVM, and the network's
 * last digits may differ between CPUs); WekaPackageTest in it/ checks ROC areas instead.
 */
class WekaChecksTest {

    private static void run(Class<?> checks, Path referenceRoot) {
        System.setProperty("weka.test.Regression.root", referenceRoot.toAbsolutePath().toString());
        Result result = new JUnitCore().run(checks);
        StringBuilder failures = new StringBuilder();
        for (Failure f : result.getFailures()) {
            failures.append(f.getTestHeader()).append(": ").append(f.getMessage()).append('\n');
        }
        assertTrue(result.wasSuccessful(), result.getFailureCount() + " of " + result.getRunCount()
                + " Weka checks failed:\n" + failures);
        assertTrue(result.getRunCount() > 20, "only " + result.getRunCount() + " checks ran");
    }

    @Test
    void theOneClassSvmPassesWekasClassifierChecks() {
        run(OneClassSVMWekaChecks.class, Path.of("target/wekarefs"));
    }

    @Test
    void caeOneClassSvmPassesWekasClassifierChecks() {
        run(CAEOneClassSVMWekaChecks.class, Path.of("target/wekarefs"));
    }

    @Test
    void deepSvddPassesWekasClassifierChecks() {
        run(DeepSVDDWekaChecks.class, Path.of("target/wekarefs"));
    }

    @Test
    void geoTransPassesWekasClassifierChecks() {
        run(GeoTransWekaChecks.class, Path.of("target/wekarefs"));
    }

    @Test
    void geoTransOnLibtorchPassesWekasClassifierChecks() {
        run(GeoTransLibtorchWekaChecks.class, Path.of("target/wekarefs"));
    }
}
