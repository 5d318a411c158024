/**
 * The paper's geometric transformations (flip, translate with reflect fill, rotate by quarter
 * turns), pixel-exact with the reference code, and the sets of them a classifier learns to tell
 * apart.
 */
package org.geotrans.domain.transform;
