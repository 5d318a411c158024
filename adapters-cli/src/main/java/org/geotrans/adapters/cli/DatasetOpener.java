package org.geotrans.adapters.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.geotrans.domain.data.Dataset;
import org.geotrans.domain.data.DatasetFormat;
import org.geotrans.domain.port.ProgressListener;

/**
 * Reads a dataset with the command line's extras (image-folder side, progress); the Guice
 * module decides which reader stands behind it.
 */
@FunctionalInterface
interface DatasetOpener {
    /**
     * @param imageSide side of the square images read from image folders; 0 = the reader's default
     * @throws IOException with a one-line message naming the file and the problem
     */
    Dataset open(Path location, DatasetFormat format, int imageSide, ProgressListener progress) throws IOException;
}
