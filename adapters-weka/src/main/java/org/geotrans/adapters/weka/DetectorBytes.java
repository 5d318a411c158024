package org.geotrans.adapters.weka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.geotrans.adapters.dl4j.Dl4jBackend;
import org.geotrans.adapters.libtorch.Precision;
import org.geotrans.domain.detector.GeoTransDetector;
import org.geotrans.domain.port.DetectorStore;

/**
 * A detector as bytes, for Java serialization of {@link GeoTrans}: the bytes are the detector
 * store's model file (network, Dirichlet parameters, settings, provenance), so a model saved
 * from Weka is the same thing the command line saves.
 */
final class DetectorBytes {
    private DetectorBytes() {
    }

    static byte[] write(GeoTransDetector detector) throws IOException {
        DetectorStore store = WekaAdapters.detectorStore(Precision.BF16);
        Path file = Files.createTempFile("geotrans-", ".zip");
        try {
            inPackageLoader(() -> store.save(detector, file, true));
            return Files.readAllBytes(file);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** The detector of {@link #write}'s bytes; a libtorch network predicts in {@code precision}. */
    static GeoTransDetector read(byte[] bytes, Precision precision) throws IOException {
        DetectorStore store = WekaAdapters.detectorStore(precision);
        Path file = Files.createTempFile("geotrans-", ".zip");
        try {
            Files.write(file, bytes);
            GeoTransDetector[] loaded = new GeoTransDetector[1];
            inPackageLoader(() -> loaded[0] = store.load(file));
            return loaded[0];
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private interface IoWork {
        void run() throws IOException;
    }

    private static void inPackageLoader(IoWork work) throws IOException {
        try {
            Dl4jBackend.withContextClassLoader(() -> {
                try {
                    work.run();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
