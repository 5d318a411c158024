package org.geotrans.domain.port;

import java.io.IOException;
import java.nio.file.Path;
import org.geotrans.domain.detector.GeoTransDetector;

/** Saves trained detectors and loads them back, in a new process too. */
public interface DetectorStore {

    /**
     * Writes the detector to {@code file}.
     *
     * @param overwrite replace an existing file; otherwise an existing file is an error
     * @throws IOException when the file exists (without overwrite) or cannot be written
     */
    void save(GeoTransDetector detector, Path file, boolean overwrite) throws IOException;

    /**
     * Reads a detector written by {@link #save}.
     *
     * @throws IOException with a one-line message when the file is missing, truncated, corrupt,
     *     of another format or of an unsupported version
     */
    GeoTransDetector load(Path file) throws IOException;
}
