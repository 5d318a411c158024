/**
 * The Gaussian mixture of DAGMM (Zong et al., ICLR 2018), one baseline of the paper's Table 1:
 * its estimate from memberships, its training loss with the exact gradient with respect to the
 * representation and the memberships, and the sample energy that scores an image (lower = more
 * typical of the normal images). Pure double-precision Java, so every backend's DAGMM shares one
 * copy of the mathematics and only moves the gradients in and out of its networks.
 */
package org.geotrans.domain.mixture;
