/** Labeled raw images and datasets, as the dataset sources deliver them. */
package org.geotrans.domain.data;
