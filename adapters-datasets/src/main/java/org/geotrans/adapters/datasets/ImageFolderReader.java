package org.geotrans.adapters.datasets;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.geotrans.domain.data.Dataset;
import org.geotrans.domain.data.LabeledImages;
import org.geotrans.domain.image.Image;
import org.geotrans.domain.image.ImageShape;
import org.geotrans.domain.port.ProgressListener;
import org.geotrans.domain.port.ProgressStage;

/**
 * A folder or zip holding {@code train/<class>/<image>} and {@code test/<class>/<image>}, possibly
 * under one enclosing folder. Images are taken in sorted entry-name order; their channel count is
 * that of the first training image and their side the requested one, else the first image's side
 * when it is square (up to {@value #MAX_AUTOMATIC_SIDE}; a larger one asks for a size), else
 * {@value #FALLBACK_SIDE}. Reading keeps to the caps of {@link ReadLimits}.
 */
final class ImageFolderReader {
    static final int FALLBACK_SIDE = 64;
    /** The largest side taken from the first image when no size was asked for. */
    static final int MAX_AUTOMATIC_SIDE = 256;
    private static final Set<String> EXTENSIONS = Set.of("jpg", "jpeg", "png", "bmp", "gif");
    private static final int CHUNK = 128;

    private final int requestedSide;
    private final int threads;

    /**
     * @param requestedSide the side of the square output images, or 0 to take it from the first image
     * @param threads decoding threads, at least 1
     */
    ImageFolderReader(int requestedSide, int threads) {
        FileDatasetSource.checkImageSize(requestedSide);
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, found " + threads);
        }
        this.requestedSide = requestedSide;
        this.threads = threads;
    }

    /** One image file: its split, class folder and full entry name. */
    record Item(String split, String className, String name) {
    }

    /** What a folder or zip holds, before any image is decoded. */
    record Listing(List<String> classNames, List<Item> train, List<Item> test) {
    }

    Dataset read(Path location, ProgressListener listener) throws IOException {
        try (ImageEntries entries = ImageEntries.open(location)) {
            Listing listing = list(entries, location);
            Item first = listing.train().isEmpty() ? listing.test().get(0) : listing.train().get(0);
            ImageDecoder.Pixels firstPixels;
            try (ImageDecoder decoder = new ImageDecoder()) {
                firstPixels = decoder.decode(entries.read(first.name()), entries.describe(first.name()));
            }
            int side = requestedSide > 0 ? requestedSide : automaticSide(firstPixels, entries.describe(first.name()));
            ImageShape shape = new ImageShape(side, side, firstPixels.channels());
            ReadLimits.checkFitsInHeap(location.toString(), listing.train().size() + (long) listing.test().size(), shape);
            ExecutorService pool = Executors.newFixedThreadPool(threads, daemonThreads());
            try {
                AtomicInteger subsampled = new AtomicInteger();
                LabeledImages train = decodeAll(entries, listing.train(), listing.classNames(), shape, pool,
                        ReadProgress.start(listener, ProgressStage.READ_TRAIN, listing.train().size()), subsampled);
                LabeledImages test = decodeAll(entries, listing.test(), listing.classNames(), shape, pool,
                        ReadProgress.start(listener, ProgressStage.READ_TEST, listing.test().size()), new AtomicInteger());
                return new Dataset(DataFiles.displayName(location), train, test,
                        subsamplingNote(subsampled.get(), train.size(), shape));
            } finally {
                pool.shutdownNow();
            }
        }
    }

    /**
     * A line when training images are colour JPEGs with subsampled chroma, whose rounding a network can
     * read a flip from on any class (measured on the CIFAR-10 JPEG zip, docs/reproduction/README.md).
     */
    static List<String> subsamplingNote(int subsampled, int trainImages, ImageShape shape) {
        if (subsampled == 0 || shape.channels() != 3) {
            return List.of();
        }
        return List.of(String.format(Locale.ROOT, "%,d of the %,d training images are JPEGs with subsampled colour"
                + " (4:2:0 or similar): a network can tell a mirrored image from the subsampling's artefacts on any"
                + " class, so the flips among the transformations say less about the class; lossless PNG or JPEG"
                + " without chroma subsampling avoid it", subsampled, trainImages));
    }

    /**
     * The side all images are resized to when none was asked for: the first image's when it is square
     * and at most {@value #MAX_AUTOMATIC_SIDE}, so that one large image cannot silently make every
     * image that large; a larger first image asks for an explicit size instead.
     */
    static int automaticSide(ImageDecoder.Pixels first, String what) throws IOException {
        if (first.height() != first.width()) {
            return FALLBACK_SIDE;
        }
        if (first.height() > MAX_AUTOMATIC_SIDE) {
            throw new IOException(what + ": the first image is " + first.height() + "x" + first.width()
                    + ", larger than the " + MAX_AUTOMATIC_SIDE + "x" + MAX_AUTOMATIC_SIDE
                    + " up to which the working size is taken from it; choose the size all images are resized to"
                    + " (geotrans --image-size N, Weka loader -size N; 1.." + FileDatasetSource.MAX_IMAGE_SIZE + ")");
        }
        return first.height();
    }

    /** Finds the train/ and test/ class folders and orders classes and images. */
    static Listing list(ImageEntries entries, Path location) throws IOException {
        TreeMap<String, List<Item>> byPrefix = new TreeMap<>();
        for (String name : entries.names()) {
            String[] parts = name.split("/");
            int n = parts.length;
            if (n < 3 || !isImageName(parts[n - 1]) || isHidden(parts)) {
                continue;
            }
            String split = parts[n - 3];
            if (!split.equals("train") && !split.equals("test")) {
                continue;
            }
            String prefix = String.join("/", List.of(parts).subList(0, n - 3));
            byPrefix.computeIfAbsent(prefix, k -> new ArrayList<>()).add(new Item(split, parts[n - 2], name));
        }
        if (byPrefix.isEmpty()) {
            throw new IOException(location + ": no images (" + String.join(", ", new TreeSet<>(EXTENSIONS))
                    + ") in train/<class>/ or test/<class>/ folders");
        }
        if (byPrefix.size() > 1) {
            throw new IOException(location + ": train/ or test/ folders at several places ("
                    + String.join(", ", byPrefix.keySet().stream().map(p -> p.isEmpty() ? "top level" : p + "/").toList())
                    + "), expected one dataset");
        }
        List<Item> items = byPrefix.firstEntry().getValue();
        TreeSet<String> classes = new TreeSet<>();
        List<Item> train = new ArrayList<>();
        List<Item> test = new ArrayList<>();
        for (Item item : items) {
            classes.add(item.className());
            (item.split().equals("train") ? train : test).add(item);
        }
        Comparator<Item> byName = Comparator.comparing(Item::name);
        train.sort(byName);
        test.sort(byName);
        // keep the official CIFAR-10 label indices when the folders are exactly its classes
        List<String> classNames = classes.equals(new TreeSet<>(CifarBinaryReader.CIFAR10_NAMES))
                ? CifarBinaryReader.CIFAR10_NAMES : List.copyOf(classes);
        try {
            LabeledImages.requireDistinct(classNames);
        } catch (IllegalArgumentException e) {
            throw new IOException(location + ": class folders " + e.getMessage().replaceFirst("^class names ", ""), e);
        }
        return new Listing(classNames, train, test);
    }

    private static boolean isImageName(String file) {
        int dot = file.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(file.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private static boolean isHidden(String[] parts) {
        for (String p : parts) {
            if (p.startsWith(".") || p.equals("__MACOSX")) {
                return true;
            }
        }
        return false;
    }

    private LabeledImages decodeAll(ImageEntries entries, List<Item> items, List<String> classNames,
                                    ImageShape shape, ExecutorService pool, ReadProgress progress,
                                    AtomicInteger subsampled) throws IOException {
        List<Future<Image[]>> chunks = new ArrayList<>();
        for (int from = 0; from < items.size(); from += CHUNK) {
            List<Item> chunk = items.subList(from, Math.min(items.size(), from + CHUNK));
            chunks.add(pool.submit(() -> decodeChunk(entries, chunk, shape, subsampled)));
        }
        List<Image> images = new ArrayList<>(items.size());
        try {
            for (Future<Image[]> f : chunks) {
                images.addAll(List.of(f.get()));
                progress.done(images.size());
            }
        } catch (ExecutionException e) {
            chunks.forEach(f -> f.cancel(true));
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof OutOfMemoryError) {
                throw new IOException("decoding the images ran out of memory (Java heap limit "
                        + ReadLimits.bytes(Runtime.getRuntime().maxMemory()) + "); raise it (GEOTRANS_HEAP for"
                        + " bin/geotrans, -Xmx for java) or lower --image-size", e.getCause());
            }
            throw new IOException("decoding images failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            chunks.forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading images", e);
        }
        int[] labels = new int[items.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = classNames.indexOf(items.get(i).className());
        }
        return new LabeledImages(shape, images, labels, classNames);
    }

    /** @param subsampled counts the JPEGs with subsampled chroma among the chunk */
    static Image[] decodeChunk(ImageEntries entries, List<Item> chunk, ImageShape shape, AtomicInteger subsampled)
            throws IOException {
        Image[] out = new Image[chunk.size()];
        try (ImageDecoder decoder = new ImageDecoder()) {
            for (int i = 0; i < out.length; i++) {
                String name = chunk.get(i).name();
                byte[] bytes = entries.read(name);
                if (ChromaSubsampling.isSubsampled(bytes)) {
                    subsampled.incrementAndGet();
                }
                ImageDecoder.Pixels p = decoder.decode(bytes, entries.describe(name));
                out[i] = toImage(p, shape);
            }
        }
        return out;
    }

    static Image toImage(ImageDecoder.Pixels decoded, ImageShape shape) {
        ImageDecoder.Pixels p = Resizing.resizeAndCropSquare(decoded.withChannels(shape.channels()), shape.height());
        byte[] b = p.hwc();
        float[] v = new float[b.length];
        for (int i = 0; i < b.length; i++) {
            v[i] = b[i] & 0xFF;
        }
        return new Image(shape, v);
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "geotrans-image-reader-" + count.incrementAndGet());
            // a reader abandoned by an exception must not keep the JVM alive
            t.setDaemon(true);
            return t;
        };
    }
}
