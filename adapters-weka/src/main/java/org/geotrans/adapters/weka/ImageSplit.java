package org.geotrans.adapters.weka;

/** Which part of an image dataset {@link ImageDatasetLoader} reads. */
public enum ImageSplit {
    TRAIN,
    TEST
}
