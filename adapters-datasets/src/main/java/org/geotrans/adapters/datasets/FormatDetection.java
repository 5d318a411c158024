package org.geotrans.adapters.datasets;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import org.geotrans.domain.data.DatasetFormat;

/** Tells the format of a dataset from what is at its path. */
final class FormatDetection {
    private FormatDetection() {
    }

    /**
     * Where to read and in which format.
     *
     * @param format never {@link DatasetFormat#AUTO}
     * @param location a folder, or a zip for {@link DatasetFormat#IMAGE_FOLDER}
     */
    record Located(DatasetFormat format, Path location) {
    }

    static Located locate(Path path, DatasetFormat format) throws IOException {
        if (!Files.exists(path)) {
            throw new NoSuchFileException(path.toString(), null, "dataset not found (no such file or folder)");
        }
        if (Files.isRegularFile(path)) {
            if (isZip(path)) {
                if (format != DatasetFormat.AUTO && format != DatasetFormat.IMAGE_FOLDER) {
                    throw new IOException(path + ": a zip can hold an image folder only, not " + format
                            + "; unpack it and give the folder");
                }
                return new Located(DatasetFormat.IMAGE_FOLDER, path);
            }
            // a file of a multi-file dataset (e.g. train-images-idx3-ubyte.gz) stands for its folder
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null && format != DatasetFormat.IMAGE_FOLDER) {
                DatasetFormat inParent = format == DatasetFormat.AUTO ? detectFolder(parent) : format;
                if (inParent != null && inParent != DatasetFormat.IMAGE_FOLDER) {
                    return new Located(inParent, parent);
                }
            }
            String lower = path.getFileName().toString().toLowerCase(Locale.ROOT);
            String hint = lower.endsWith(".tar.gz") || lower.endsWith(".tgz") || lower.endsWith(".tar")
                    ? "; unpack the archive and give its folder" : "";
            throw new IOException(path + ": unknown dataset layout: a file that is not a zip of train/<class>/ and"
                    + " test/<class>/ images, nor part of a folder of IDX files or CIFAR binary batches" + hint);
        }
        if (format != DatasetFormat.AUTO) {
            return new Located(format, path);
        }
        DatasetFormat found = detectFolder(path);
        if (found == null) {
            throw new IOException(path + ": unknown dataset layout: expected IDX files"
                    + " (train-images-idx3-ubyte[.gz], ...), CIFAR-10 batches (data_batch_1.bin, ...),"
                    + " CIFAR-100 files (train.bin, test.bin) or train/ and test/ image folders; found: "
                    + DataFiles.listing(path));
        }
        return new Located(found, path);
    }

    /** The format of a folder's content, or null. */
    static DatasetFormat detectFolder(Path folder) {
        if (IdxReader.looksLikeIdx(folder)) {
            return DatasetFormat.IDX;
        }
        if (CifarBinaryReader.cifar10Root(folder) != null) {
            return DatasetFormat.CIFAR10_BINARY;
        }
        if (CifarBinaryReader.cifar100Root(folder) != null) {
            return DatasetFormat.CIFAR100_BINARY;
        }
        if (Files.isDirectory(folder.resolve("train")) && Files.isDirectory(folder.resolve("test"))) {
            return DatasetFormat.IMAGE_FOLDER;
        }
        return null;
    }

    static boolean isZip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4);
            return head.length == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
        }
    }
}
