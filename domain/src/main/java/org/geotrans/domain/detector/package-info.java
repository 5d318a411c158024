/** A trained GeoTrans detector: what scoring needs, and where it came from. */
package org.geotrans.domain.detector;
