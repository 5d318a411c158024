package org.geotrans.adapters.weka;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import org.geotrans.adapters.datasets.FileDatasetSource;
import org.geotrans.domain.data.Dataset;
import org.geotrans.domain.data.DatasetFormat;
import org.geotrans.domain.data.LabeledImages;
import org.geotrans.domain.image.Image;
import org.geotrans.domain.image.ImageShape;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Option;
import weka.core.OptionHandler;
import weka.core.OptionMetadata;
import weka.core.converters.AbstractFileLoader;
import weka.core.converters.BatchConverter;

/**
 * Opens image datasets in Weka: MNIST-style IDX files, CIFAR-10/100 binary batches and image
 * folders or zips ({@code train/<class>/...}, {@code test/<class>/...}). Choose any file of the
 * dataset (e.g. {@code train-images-idx3-ubyte.gz}, {@code data_batch_1.bin}) or the zip.
 * One instance per image: attributes {@code pixel_ROW_COL_CHANNEL} (values 0..255, row-major,
 * channel-last, so the names encode the shape), then the nominal attribute {@code class}.
 */
public class ImageDatasetLoader extends AbstractFileLoader implements BatchConverter, OptionHandler {
    private static final long serialVersionUID = 1L;

    private ImageSplit split = ImageSplit.TRAIN;
    private int maxImages = 0;
    private int imageSize = 0;

    private transient Instances data;

    public String globalInfo() {
        return "Reads image datasets: IDX (MNIST, Fashion-MNIST), CIFAR-10/100 binary batches, and image folders or"
                + " zips with train/<class>/ and test/<class>/ (JPEG, PNG). Choose any file of the dataset or the zip."
                + " Attributes pixel_ROW_COL_CHANNEL hold values 0..255; the last attribute is the class.";
    }

    @Override
    public String getFileExtension() {
        return ".gz";
    }

    @Override
    public String[] getFileExtensions() {
        return new String[] {"-ubyte.gz", "-ubyte", ".bin", ".zip"};
    }

    @Override
    public String getFileDescription() {
        return "Image datasets (IDX, CIFAR binary, image zips)";
    }

    @Override
    public void setSource(File file) throws IOException {
        if (file == null) {
            throw new IllegalArgumentException("no image dataset file given");
        }
        m_sourceFile = file;
        m_File = file.getPath();
        data = null;
    }

    @Override
    public void setSource(InputStream input) throws IOException {
        throw new IOException("the image dataset loader reads files and folders, not streams: give a file of the dataset");
    }

    @Override
    public void reset() throws IOException {
        data = null;
    }

    @Override
    public Instances getStructure() throws IOException {
        return new Instances(read(), 0);
    }

    @Override
    public Instances getDataSet() throws IOException {
        return new Instances(read());
    }

    @Override
    public Instance getNextInstance(Instances structure) throws IOException {
        throw new IOException("the image dataset loader reads whole datasets only (getDataSet)");
    }

    private Instances read() throws IOException {
        if (data != null) {
            return data;
        }
        if (m_sourceFile == null) {
            throw new IOException("no image dataset chosen: set a file first");
        }
        Dataset dataset = WekaAdapters.datasets(imageSize).read(m_sourceFile.toPath(), DatasetFormat.AUTO);
        // Weka's console and log show stderr; a loader has no other channel for a warning
        dataset.notes().forEach(line -> System.err.println("GeoTrans image loader: note: " + line));
        LabeledImages images = split == ImageSplit.TRAIN ? dataset.train() : dataset.test();
        if (maxImages > 0) {
            images = images.head(maxImages);
        }
        data = toInstances(dataset.name() + "-" + split.name().toLowerCase(java.util.Locale.ROOT), images);
        return data;
    }

    /**
     * Instances holding the images: pixel attributes in HWC order, then the class. Weka keeps each
     * value as a double, twice the reader's floats: refused up front when that cannot fit the heap.
     */
    static Instances toInstances(String name, LabeledImages images) throws IOException {
        ImageShape shape = images.shape();
        long needed = (long) images.size() * (shape.size() + 1L) * Double.BYTES;
        long heap = Runtime.getRuntime().maxMemory();
        if (needed > heap) {
            throw new IOException(name + ": " + images.size() + " images of " + shape + " need " + (needed >> 20)
                    + " MiB as Weka instances, more than the Java heap's limit of " + (heap >> 20)
                    + " MiB; read fewer (-max N), smaller (-size N) or raise the heap (-Xmx)");
        }
        ArrayList<Attribute> attributes = new ArrayList<>(shape.size() + 1);
        for (int r = 0; r < shape.height(); r++) {
            for (int c = 0; c < shape.width(); c++) {
                for (int ch = 0; ch < shape.channels(); ch++) {
                    attributes.add(new Attribute(ImageLayout.attributeName(r, c, ch)));
                }
            }
        }
        attributes.add(new Attribute("class", new ArrayList<>(images.classNames())));
        Instances out = new Instances(name + "-" + shape, attributes, images.size());
        for (int i = 0; i < images.size(); i++) {
            Image image = images.image(i);
            double[] values = new double[shape.size() + 1];
            float[] pixels = image.pixels();
            for (int v = 0; v < pixels.length; v++) {
                values[v] = pixels[v];
            }
            values[shape.size()] = images.label(i);
            out.add(new DenseInstance(1.0, values));
        }
        return out;
    }

    @OptionMetadata(displayName = "split", description = "Which part to read: TRAIN or TEST (default: TRAIN).",
            commandLineParamName = "split", commandLineParamSynopsis = "-split <TRAIN|TEST>", displayOrder = 1)
    public ImageSplit getSplit() {
        return split;
    }

    public void setSplit(ImageSplit value) {
        split = value;
        data = null;
    }

    @OptionMetadata(displayName = "maxImages", description = "Read the first N images only; 0 for all (default: 0).",
            commandLineParamName = "max", commandLineParamSynopsis = "-max <int>", displayOrder = 2)
    public int getMaxImages() {
        return maxImages;
    }

    public void setMaxImages(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("maximum number of images must be 0 (all) or positive, got " + value);
        }
        maxImages = value;
        data = null;
    }

    @OptionMetadata(displayName = "imageSize", description = "Side of the square images read from image folders;"
            + " 0 for the first image's side if square and at most 256, else 64; at most "
            + FileDatasetSource.MAX_IMAGE_SIZE + " (default: 0).", commandLineParamName = "size",
            commandLineParamSynopsis = "-size <int>", displayOrder = 3)
    public int getImageSize() {
        return imageSize;
    }

    public void setImageSize(int value) {
        FileDatasetSource.checkImageSize(value);
        imageSize = value;
        data = null;
    }

    @Override
    public Enumeration<Option> listOptions() {
        return Option.listOptionsForClass(ImageDatasetLoader.class).elements();
    }

    @Override
    public void setOptions(String[] options) throws Exception {
        Option.setOptions(options, this, ImageDatasetLoader.class);
    }

    @Override
    public String[] getOptions() {
        return Option.getOptions(this, ImageDatasetLoader.class);
    }

    @Override
    public String getRevision() {
        return "1";
    }

    public static void main(String[] args) {
        runFileLoader(new ImageDatasetLoader(), args);
    }
}
