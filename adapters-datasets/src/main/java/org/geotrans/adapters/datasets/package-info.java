/**
 * Dataset readers: {@link org.geotrans.adapters.datasets.FileDatasetSource} reads MNIST-style IDX
 * files, CIFAR-10/100 binary batches and {@code train/<class>/}, {@code test/<class>/} image folders
 * or zips into raw HWC images (values 0..255). Everything else here is package-private; the module
 * depends on the domain and the JDK only.
 */
package org.geotrans.adapters.datasets;
