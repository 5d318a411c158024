/**
 * Images as immutable float tensors with an explicit {@link org.geotrans.domain.image.ImageShape}
 * (HWC, row-major), batches the classifier consumes without per-image copies, and the paper's
 * preprocessing (zero padding, scaling to [-1, 1]).
 */
package org.geotrans.domain.image;
