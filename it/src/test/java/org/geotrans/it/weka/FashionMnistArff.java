package org.geotrans.it.weka;

import java.io.File;
import java.nio.file.Path;
import org.geotrans.adapters.weka.ImageDatasetLoader;
import org.geotrans.adapters.weka.ImageSplit;
import org.geotrans.adapters.weka.NormalVersusRest;
import org.geotrans.domain.RequiredData;
import weka.core.Instances;
import weka.core.converters.ArffSaver;
import weka.filters.Filter;

/** Small Fashion-MNIST ARFF files written through the package's loader and filter. */
final class FashionMnistArff {
    /** The normal class of the tests: trousers, an easy one even for tiny networks. */
    static final String NORMAL = "Trouser";

    private FashionMnistArff() {
    }

    static Path folder() {
        return RequiredData.fashionMnist();
    }

    /** The first {@code images} of a split, Trouser against the rest, as an ARFF file. */
    static Path write(ImageSplit split, int images, Path file) throws Exception {
        ImageDatasetLoader loader = new ImageDatasetLoader();
        loader.setSplit(split);
        loader.setMaxImages(images);
        loader.setFile(folder().resolve("train-images-idx3-ubyte.gz").toFile());
        Instances data = loader.getDataSet();
        data.setClassIndex(data.numAttributes() - 1);
        NormalVersusRest filter = new NormalVersusRest();
        filter.setNormalClass(NORMAL);
        filter.setInputFormat(data);
        Instances binary = Filter.useFilter(data, filter);
        ArffSaver saver = new ArffSaver();
        saver.setInstances(binary);
        saver.setFile(new File(file.toString()));
        saver.writeBatch();
        return file;
    }
}
