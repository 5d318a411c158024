/**
 * From normality scores to decisions: a threshold calibrated at a target false-alarm rate on
 * normal images, and the false-alarm rate, detection rate and precision it achieves.
 */
package org.geotrans.domain.decision;
