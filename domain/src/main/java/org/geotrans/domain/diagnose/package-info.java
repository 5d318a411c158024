/**
 * Why a detector scores as it does: per-transformation diagnostics (how well the network
 * recognises each transformation on held-out normal images, what each contributes to the
 * Dirichlet score and how well it separates alone) and gradient ascent on an input image towards
 * a higher normality score (the paper's section 6 and Figure 1).
 */
package org.geotrans.domain.diagnose;
