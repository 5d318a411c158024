/**
 * GeoTrans in Weka: the {@link org.geotrans.adapters.weka.GeoTrans} and
 * {@link org.geotrans.adapters.weka.OneClassSVM} one-class classifiers (trained on a normal class,
 * predicting a normality score in [0, 1] in its slot), the
 * {@link org.geotrans.adapters.weka.ImageDatasetLoader} for image datasets and the
 * {@link org.geotrans.adapters.weka.NormalVersusRest} filter. Public classes are the ones Weka
 * instantiates; {@code WekaAdapters} is the only place adapters are created.
 */
package org.geotrans.adapters.weka;
