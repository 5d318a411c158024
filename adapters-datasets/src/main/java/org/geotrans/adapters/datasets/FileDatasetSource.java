package org.geotrans.adapters.datasets;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import org.geotrans.domain.data.Dataset;
import org.geotrans.domain.data.DatasetFormat;
import org.geotrans.domain.port.DatasetSource;
import org.geotrans.domain.port.ProgressListener;

/**
 * Reads datasets from files into raw images (values 0..255, HWC):
 * <ul>
 *   <li>{@link DatasetFormat#IDX}: a folder with MNIST / Fashion-MNIST {@code train-images-idx3-ubyte},
 *   {@code train-labels-idx1-ubyte}, {@code t10k-images-idx3-ubyte}, {@code t10k-labels-idx1-ubyte},
 *   each gzipped or not; classes are the Fashion-MNIST names when the path contains "fashion", else
 *   the digits "0".."9";</li>
 *   <li>{@link DatasetFormat#CIFAR10_BINARY}: {@code data_batch_1.bin}..{@code data_batch_5.bin} and
 *   {@code test_batch.bin}, in the folder or its {@code cifar-10-batches-bin/}, names from
 *   {@code batches.meta.txt} when present;</li>
 *   <li>{@link DatasetFormat#CIFAR100_BINARY}: {@code train.bin} and {@code test.bin}, in the folder or
 *   its {@code cifar-100-binary/}, labelled with the 20 coarse classes as in the paper;</li>
 *   <li>{@link DatasetFormat#IMAGE_FOLDER}: a folder or zip (read in place) with
 *   {@code train/<class>/*.jpg|png} and {@code test/<class>/...}; classes sorted by name, except that
 *   exactly the CIFAR-10 classes keep the official order. Images get the first image's channels
 *   (grey 1, else 3) and are resized (shorter side) and centre-cropped to a square side: the one set
 *   by {@link #withImageSize}, else the first image's side when it is square and at most 256 (a
 *   larger one is refused with a request for a size), else 64.</li>
 * </ul>
 * {@link DatasetFormat#AUTO} detects the format from what is at the path. Errors are
 * {@link IOException}s whose message names the file and the problem; class names that differ only in
 * case or surrounding blanks are refused. No header's claim is allocated before it is checked
 * against the file's length or the caps of {@link ReadLimits} (pixels per image, bytes per image
 * file or zip entry, bytes inflated per zip: system properties {@value ReadLimits#MAX_IMAGE_PIXELS},
 * {@value ReadLimits#MAX_IMAGE_FILE_BYTES}, {@value ReadLimits#MAX_ZIP_BYTES}) and the Java heap.
 * Immutable and thread-safe.
 */
public final class FileDatasetSource implements DatasetSource {
    /** The largest side image-folder images may be resized to. */
    public static final int MAX_IMAGE_SIZE = 1024;

    private final int imageSize;
    private final int threads;
    private final ProgressListener progress;

    /** Image size from the first image, one decoding thread per core, no progress reports. */
    public FileDatasetSource() {
        this(0, Runtime.getRuntime().availableProcessors(), ProgressListener.SILENT);
    }

    private FileDatasetSource(int imageSize, int threads, ProgressListener progress) {
        checkImageSize(imageSize);
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, found " + threads);
        }
        this.imageSize = imageSize;
        this.threads = threads;
        this.progress = Objects.requireNonNull(progress, "progress listener");
    }

    /**
     * The side of the square images read from image folders (other formats keep their own size).
     *
     * @param side pixels, 1..{@value #MAX_IMAGE_SIZE}; 0 restores the default (the first image's side if
     *     square and at most 256, else 64)
     */
    public FileDatasetSource withImageSize(int side) {
        return new FileDatasetSource(side, threads, progress);
    }

    /**
     * The rule for an image-folder side, for the command line and Weka to check their option with
     * before anything is read.
     *
     * @throws IllegalArgumentException naming the allowed range
     */
    public static void checkImageSize(int side) {
        if (side < 0 || side > MAX_IMAGE_SIZE) {
            throw new IllegalArgumentException("image size must be 0 (automatic) or 1.." + MAX_IMAGE_SIZE
                    + " pixels, found " + side);
        }
    }

    /** How many threads decode images of image folders; at least 1. */
    public FileDatasetSource withThreads(int count) {
        return new FileDatasetSource(imageSize, count, progress);
    }

    /**
     * Receives the images read so far, stages READ_TRAIN and READ_TEST ({@code done}/{@code total}
     * in images), on the calling thread.
     */
    public FileDatasetSource withProgress(ProgressListener listener) {
        return new FileDatasetSource(imageSize, threads, listener);
    }

    /** The requested image-folder side, 0 when taken from the first image. */
    public int imageSize() {
        return imageSize;
    }

    public int threads() {
        return threads;
    }

    /**
     * The format of what is at {@code location}, as {@link #read} with {@link DatasetFormat#AUTO} sees it.
     *
     * @throws IOException naming the path when it is missing or of no known layout
     */
    public static DatasetFormat detect(Path location) throws IOException {
        return FormatDetection.locate(location, DatasetFormat.AUTO).format();
    }

    @Override
    public Dataset read(Path location, DatasetFormat format) throws IOException {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(format, "format");
        FormatDetection.Located found = FormatDetection.locate(location, format);
        try {
            return switch (found.format()) {
                case IDX -> IdxReader.read(found.location(), progress);
                case CIFAR10_BINARY -> CifarBinaryReader.readCifar10(found.location(), progress);
                case CIFAR100_BINARY -> CifarBinaryReader.readCifar100(found.location(), progress);
                case IMAGE_FOLDER -> new ImageFolderReader(imageSize, threads).read(found.location(), progress);
                case AUTO -> throw new IllegalStateException("format detection returned AUTO for " + location);
            };
        } catch (OutOfMemoryError e) {
            // the caps should make this unreachable; if not, the user still learns which file and which limit
            throw new IOException(location + ": reading it ran out of memory (Java heap limit "
                    + ReadLimits.bytes(Runtime.getRuntime().maxMemory()) + "); raise it (GEOTRANS_HEAP for bin/geotrans,"
                    + " -Xmx for java)", e);
        }
    }
}
