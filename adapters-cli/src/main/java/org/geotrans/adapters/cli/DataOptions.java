package org.geotrans.adapters.cli;

import java.nio.file.Path;
import org.geotrans.adapters.datasets.FileDatasetSource;
import org.geotrans.domain.data.DatasetFormat;
import picocli.CommandLine.Option;

/** Where the images are and how to read them. */
final class DataOptions {
    @Option(names = "--data", required = true, paramLabel = "PATH",
            description = "Dataset: a folder of IDX files (MNIST, Fashion-MNIST), CIFAR binaries, or a folder or zip of train/<class>/ and test/<class>/ images.")
    Path data;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "AUTO",
            description = "Dataset format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}, detected from the files).")
    DatasetFormat format;

    @Option(names = "--image-size", paramLabel = "PIXELS", defaultValue = "0",
            description = "Side of the square images read from image folders, 1.." + FileDatasetSource.MAX_IMAGE_SIZE
                    + " (default: the first image's side when square and at most 256, else 64).")
    int imageSize;

    /** Checks the options' bounds before anything is read: a usage error names the allowed range. */
    void validate() {
        try {
            FileDatasetSource.checkImageSize(imageSize);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--image-size: " + e.getMessage());
        }
    }
}
