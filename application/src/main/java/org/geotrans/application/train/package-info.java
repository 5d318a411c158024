/** Use case: train a GeoTrans detector on images of the normal class. */
package org.geotrans.application.train;
