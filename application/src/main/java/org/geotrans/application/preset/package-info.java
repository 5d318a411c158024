/** Experiment settings and the named presets (paper, quick) they start from. */
package org.geotrans.application.preset;
