/**
 * Saved detectors as model files: a versioned zip of plain-text settings, Dirichlet parameters
 * and the network in its backend's own format, with a SHA-256 manifest over every part.
 *
 * <p>Public: {@link org.geotrans.adapters.store.ZipDetectorStore}, the
 * {@link org.geotrans.domain.port.DetectorStore} the deployments (CLI, Weka) create. Everything
 * else is package-private.
 */
package org.geotrans.adapters.store;
