package org.geotrans.domain.data;

/** The on-disk formats a {@link org.geotrans.domain.port.DatasetSource} may read. */
public enum DatasetFormat {
    /** Detect from the files. */
    AUTO,
    /** MNIST / Fashion-MNIST IDX files, gzipped or not. */
    IDX,
    /** CIFAR-10 binary batches. */
    CIFAR10_BINARY,
    /** CIFAR-100 binary files, with the 20 coarse labels. */
    CIFAR100_BINARY,
    /** A folder or zip with {@code train/<class>/} and {@code test/<class>/} JPEG or PNG images. */
    IMAGE_FOLDER
}
