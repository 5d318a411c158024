package org.geotrans.domain.port;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import org.geotrans.domain.detector.GeoTransDetector;

/**
 * Saves trained detectors and loads them back, in a new process too. The stream methods are the
 * format; the file methods add what a file on disk needs (atomic creation, names in messages).
 */
public interface DetectorStore {

    /**
     * Writes the detector, every part covered by an integrity check, to {@code out}, which is
     * left open.
     */
    void write(GeoTransDetector detector, OutputStream out) throws IOException;

    /**
     * Reads a detector written by {@link #write}; refuses anything altered, out of range or of
     * another backend than those installed.
     *
     * @param source names the bytes in messages (a file name, "the model inside this Weka classifier")
     * @throws IOException with a one-line message starting with {@code source} when the bytes are
     *     truncated, corrupt, altered, of another format or of an unsupported version
     */
    GeoTransDetector read(InputStream in, String source) throws IOException;

    /**
     * Writes the detector to {@code file}. The file appears complete or not at all; without
     * {@code overwrite} it is created atomically, so of two writers to the same new file exactly
     * one succeeds.
     *
     * @param overwrite replace an existing file; otherwise an existing file is an error
     * @throws java.nio.file.FileAlreadyExistsException when the file exists and {@code overwrite}
     *     is false
     * @throws IOException when the file cannot be written
     */
    void save(GeoTransDetector detector, Path file, boolean overwrite) throws IOException;

    /**
     * Reads a detector written by {@link #save}, as {@link #read} with the file's name as source.
     *
     * @throws IOException with a one-line message naming the file when it is missing or as {@link #read}
     */
    GeoTransDetector load(Path file) throws IOException;
}
