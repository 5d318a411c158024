package org.geotrans.domain.port;

import java.io.IOException;
import java.nio.file.Path;
import org.geotrans.domain.data.Dataset;
import org.geotrans.domain.data.DatasetFormat;

/** Reads a dataset from a file, a folder or a zip. */
public interface DatasetSource {

    /**
     * Reads train and test images.
     *
     * @param location a folder, a zip or a file of the format
     * @param format the format, or {@link DatasetFormat#AUTO} to detect it
     * @throws IOException naming the file when it is missing, truncated or malformed
     */
    Dataset read(Path location, DatasetFormat format) throws IOException;
}
