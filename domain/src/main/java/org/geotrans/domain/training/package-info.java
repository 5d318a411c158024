/** The self-labeled training stream: (image, transformation) pairs built into batches on demand. */
package org.geotrans.domain.training;
