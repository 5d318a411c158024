package org.geotrans.domain;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The one place that decides what a test does when a dataset it needs is missing: on a developer's
 * machine it is skipped, with a line that says how to install the data; under {@code CI=true} it
 * fails, so that a CI run without the data cannot pass by skipping its real-data tests.
 */
public final class RequiredData {
    /** Debian's dataset-fashion-mnist (IDX, gzip), or the folder the system property names. */
    public static final Path FASHION_MNIST = Path.of(System.getProperty("geotrans.fashion.mnist",
            "/usr/share/datasets/fashion-mnist"));

    private RequiredData() {
    }

    /** The Fashion-MNIST folder; skips the calling test when it is missing, fails it under CI=true. */
    public static Path fashionMnist() {
        boolean present = Files.isReadable(FASHION_MNIST.resolve("train-images-idx3-ubyte.gz"))
                && Files.isReadable(FASHION_MNIST.resolve("t10k-images-idx3-ubyte.gz"));
        require(present, "Fashion-MNIST is missing from " + FASHION_MNIST
                + "; bash scripts/install-data.sh installs it (apt-get install dataset-fashion-mnist)");
        return FASHION_MNIST;
    }

    /**
     * Skips the calling test when {@code present} is false, or fails it when the environment says
     * {@code CI=true}.
     */
    public static void require(boolean present, String whatIsMissing) {
        require(present, whatIsMissing, isCi());
    }

    static void require(boolean present, String whatIsMissing, boolean ci) {
        if (present) {
            return;
        }
        if (ci) {
            fail(whatIsMissing + " (CI=true: a missing dataset fails the run instead of skipping it)");
        }
        Assumptions.abort(whatIsMissing);
    }

    static boolean isCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }
}
