package org.geotrans.adapters.cli;

import jakarta.inject.Inject;
import java.io.IOException;
import org.geotrans.domain.data.Dataset;
import org.geotrans.domain.image.Preprocessing;

/** Reads the --data of a command, with a progress bar. */
final class DataLoader {
    private final DatasetOpener opener;

    @Inject
    DataLoader(DatasetOpener opener) {
        this.opener = opener;
    }

    /**
     * @param defaultImageSide image-folder side when --image-size is not given (a model's side when
     *     scoring), 0 for the reader's default
     */
    LoadedData load(DataOptions options, int defaultImageSide, ProgressReporter progress) throws IOException {
        options.validate();
        long started = System.nanoTime();
        progress.stage("reading " + options.data + (options.format == org.geotrans.domain.data.DatasetFormat.AUTO ? ""
                : " as " + options.format));
        int side = options.imageSize > 0 ? options.imageSize : defaultImageSide;
        Dataset dataset = opener.open(options.data, options.format, side, progress.progress());
        double seconds = (System.nanoTime() - started) / 1e9;
        progress.note(String.format(java.util.Locale.ROOT, "read %s: %d training and %d test images of %s, %d classes",
                dataset.name(), dataset.train().size(), dataset.test().size(), dataset.train().shape(),
                dataset.train().classNames().size()));
        dataset.notes().forEach(line -> progress.note("note: " + line));
        return new LoadedData(options.data, dataset, Preprocessing.paperFor(dataset.train().shape()), seconds);
    }
}
