package org.geotrans.adapters.datasets;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.geotrans.domain.data.Dataset;
import org.geotrans.domain.data.LabeledImages;
import org.geotrans.domain.image.Image;
import org.geotrans.domain.image.ImageShape;
import org.geotrans.domain.port.ProgressListener;
import org.geotrans.domain.port.ProgressStage;

/**
 * The binary releases of CIFAR-10 (records: label byte, 3072 pixel bytes) and CIFAR-100 (coarse
 * label byte, fine label byte, 3072 pixel bytes). Pixels are stored as planes (all red, all green,
 * all blue, each row-major) and converted here to the domain's interleaved HWC layout.
 */
final class CifarBinaryReader {
    static final List<String> CIFAR10_NAMES = List.of("airplane", "automobile", "bird", "cat", "deer", "dog",
            "frog", "horse", "ship", "truck");
    static final List<String> CIFAR100_COARSE_NAMES = List.of("aquatic_mammals", "fish", "flowers",
            "food_containers", "fruit_and_vegetables", "household_electrical_devices", "household_furniture",
            "insects", "large_carnivores", "large_man-made_outdoor_things", "large_natural_outdoor_scenes",
            "large_omnivores_and_herbivores", "medium_mammals", "non-insect_invertebrates", "people", "reptiles",
            "small_mammals", "trees", "vehicles_1", "vehicles_2");

    static final ImageShape SHAPE = new ImageShape(32, 32, 3);
    private static final int PIXELS = 32 * 32;
    private static final int CIFAR100_FINE_CLASSES = 100;
    /** A names file holds 10 or 20 short lines; anything far longer is not one. */
    private static final long MAX_NAMES_FILE_BYTES = 1 << 16;

    private CifarBinaryReader() {
    }

    /** The folder holding data_batch_1.bin: the given one or its cifar-10-batches-bin/, else null. */
    static Path cifar10Root(Path folder) {
        for (Path p : List.of(folder, folder.resolve("cifar-10-batches-bin"))) {
            if (Files.isRegularFile(p.resolve("data_batch_1.bin"))) {
                return p;
            }
        }
        return null;
    }

    /** The folder holding train.bin and test.bin: the given one or its cifar-100-binary/, else null. */
    static Path cifar100Root(Path folder) {
        for (Path p : List.of(folder, folder.resolve("cifar-100-binary"))) {
            if (Files.isRegularFile(p.resolve("train.bin")) && Files.isRegularFile(p.resolve("test.bin"))) {
                return p;
            }
        }
        return null;
    }

    static Dataset readCifar10(Path folder, ProgressListener listener) throws IOException {
        Path root = cifar10Root(folder);
        if (root == null) {
            throw new IOException("no CIFAR-10 binary batches in " + folder
                    + ": expected data_batch_1.bin .. data_batch_5.bin and test_batch.bin there or in "
                    + "cifar-10-batches-bin/; found: " + DataFiles.listing(folder));
        }
        List<String> names = classNames(root.resolve("batches.meta.txt"), CIFAR10_NAMES);
        List<Path> trainFiles = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            trainFiles.add(requireFile(root, "data_batch_" + i + ".bin", "CIFAR-10"));
        }
        Layout layout = new Layout(1, 0, -1, 0);
        LabeledImages train = readRecords(trainFiles, layout, names, ReadProgress.start(listener, ProgressStage.READ_TRAIN, 50_000));
        LabeledImages test = readRecords(List.of(requireFile(root, "test_batch.bin", "CIFAR-10")), layout, names,
                ReadProgress.start(listener, ProgressStage.READ_TEST, 10_000));
        return new Dataset(DataFiles.displayName(folder), train, test);
    }

    static Dataset readCifar100(Path folder, ProgressListener listener) throws IOException {
        Path root = cifar100Root(folder);
        if (root == null) {
            throw new IOException("no CIFAR-100 binary files in " + folder
                    + ": expected train.bin and test.bin there or in cifar-100-binary/; found: "
                    + DataFiles.listing(folder));
        }
        List<String> names = classNames(root.resolve("coarse_label_names.txt"), CIFAR100_COARSE_NAMES);
        // the paper (and its code) uses the 20 superclasses as the one-vs-rest classes of CIFAR-100
        Layout layout = new Layout(2, 0, 1, CIFAR100_FINE_CLASSES);
        LabeledImages train = readRecords(List.of(root.resolve("train.bin")), layout, names,
                ReadProgress.start(listener, ProgressStage.READ_TRAIN, 50_000));
        LabeledImages test = readRecords(List.of(root.resolve("test.bin")), layout, names,
                ReadProgress.start(listener, ProgressStage.READ_TEST, 10_000));
        return new Dataset(DataFiles.displayName(folder), train, test);
    }

    /**
     * Where the bytes are in one record.
     *
     * @param labelBytes bytes before the pixels
     * @param labelOffset the byte with the label used
     * @param otherLabelOffset a second label byte to range-check, or -1
     * @param otherLabelClasses how many classes that second label has
     */
    private record Layout(int labelBytes, int labelOffset, int otherLabelOffset, int otherLabelClasses) {
        int recordLength() {
            return labelBytes + SHAPE.size();
        }
    }

    private static LabeledImages readRecords(List<Path> files, Layout layout, List<String> names,
                                             ReadProgress progress) throws IOException {
        int recordLength = layout.recordLength();
        long total = 0;
        for (Path file : files) {
            total += recordsIn(file, layout);
        }
        ReadLimits.checkFitsInHeap(files.size() == 1 ? files.get(0).toString() : files.get(0).getParent().toString(),
                total, SHAPE);
        List<Image> images = new ArrayList<>((int) total);
        int[] labels = new int[(int) total];
        byte[] record = new byte[recordLength];
        for (Path file : files) {
            long records = recordsIn(file, layout);
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                for (long r = 0; r < records; r++) {
                    if (in.readNBytes(record, 0, recordLength) != recordLength) {
                        throw new IOException(file + ": ended in record " + r + " of " + records
                                + " (the file shrank while being read)");
                    }
                    int label = record[layout.labelOffset()] & 0xFF;
                    if (label >= names.size()) {
                        throw new IOException(file + ": label " + label + " of record " + r + " is outside 0.."
                                + (names.size() - 1));
                    }
                    if (layout.otherLabelOffset() >= 0) {
                        int other = record[layout.otherLabelOffset()] & 0xFF;
                        if (other >= layout.otherLabelClasses()) {
                            throw new IOException(file + ": fine label " + other + " of record " + r + " is outside 0.."
                                    + (layout.otherLabelClasses() - 1));
                        }
                    }
                    labels[images.size()] = label;
                    images.add(new Image(SHAPE, planarToInterleaved(record, layout.labelBytes())));
                }
            }
            progress.done(images.size());
        }
        return new LabeledImages(SHAPE, images, labels, names);
    }

    /** How many records a file holds, told by its length alone, before anything is read or allocated. */
    private static long recordsIn(Path file, Layout layout) throws IOException {
        int recordLength = layout.recordLength();
        long length = Files.size(file);
        if (length == 0 || length % recordLength != 0) {
            throw new IOException(file + ": " + length + " bytes is not a whole, non-zero number of "
                    + recordLength + "-byte records (" + layout.labelBytes() + " label byte(s) + 32x32x3 pixels);"
                    + " the file is truncated or of another format");
        }
        long records = length / recordLength;
        if (records > Integer.MAX_VALUE - 8) {
            throw new IOException(file + ": " + records + " records, more than one list holds");
        }
        return records;
    }

    /** CHW planes (R plane, G plane, B plane) to HWC values. */
    static float[] planarToInterleaved(byte[] bytes, int offset) {
        float[] v = new float[PIXELS * 3];
        for (int c = 0; c < 3; c++) {
            int plane = offset + c * PIXELS;
            for (int p = 0; p < PIXELS; p++) {
                v[p * 3 + c] = bytes[plane + p] & 0xFF;
            }
        }
        return v;
    }

    private static Path requireFile(Path root, String name, String format) throws IOException {
        Path p = root.resolve(name);
        if (!Files.isRegularFile(p)) {
            throw new IOException(format + " binary dataset in " + root + " lacks " + name + "; found: "
                    + DataFiles.listing(root));
        }
        return p;
    }

    /** Class names from a names file (one a line, blank lines ignored), or the standard ones if absent. */
    private static List<String> classNames(Path file, List<String> standard) throws IOException {
        if (!Files.isRegularFile(file)) {
            return standard;
        }
        if (Files.size(file) > MAX_NAMES_FILE_BYTES) {
            throw new IOException(file + ": " + Files.size(file) + " bytes, expected a short text file of class names"
                    + " (at most " + MAX_NAMES_FILE_BYTES + " bytes)");
        }
        List<String> names;
        try {
            names = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .map(String::strip).filter(s -> !s.isEmpty()).toList();
        } catch (CharacterCodingException e) {
            throw new IOException(file + ": not a UTF-8 text file of class names", e);
        }
        if (names.size() != standard.size()) {
            throw new IOException(file + ": expected " + standard.size() + " class names, one a line, found "
                    + names.size());
        }
        try {
            LabeledImages.requireDistinct(names);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
        return names;
    }
}
