package org.geotrans.adapters.weka;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.geotrans.adapters.dl4j.Dl4jBackend;
import org.geotrans.adapters.libtorch.Precision;
import org.geotrans.domain.detector.GeoTransDetector;
import org.geotrans.domain.port.DetectorStore;

/**
 * A detector as bytes, for Java serialization of {@link GeoTrans}: the bytes are the detector
 * store's model file (network, Dirichlet parameters, settings, provenance, integrity manifest),
 * so a model saved from Weka is the same thing the command line saves.
 */
final class DetectorBytes {
    /** How a model inside a Weka classifier is named in messages. */
    static final String SOURCE = "the GeoTrans model inside this Weka classifier";

    private DetectorBytes() {
    }

    static byte[] write(GeoTransDetector detector) throws IOException {
        DetectorStore store = WekaAdapters.detectorStore(Precision.machineDefault());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        inPackageLoader(() -> store.write(detector, out));
        return out.toByteArray();
    }

    /** The detector of {@link #write}'s bytes; a libtorch network predicts in {@code precision}. */
    static GeoTransDetector read(byte[] bytes, Precision precision) throws IOException {
        DetectorStore store = WekaAdapters.detectorStore(precision);
        GeoTransDetector[] loaded = new GeoTransDetector[1];
        inPackageLoader(() -> loaded[0] = store.read(new ByteArrayInputStream(bytes), SOURCE));
        return loaded[0];
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
