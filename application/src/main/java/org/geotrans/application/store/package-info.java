/** Saved detectors: a versioned zip of plain text metadata, Dirichlet parameters and the network. */
package org.geotrans.application.store;
