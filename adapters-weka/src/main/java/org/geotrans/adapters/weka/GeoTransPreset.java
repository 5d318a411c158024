package org.geotrans.adapters.weka;

import org.geotrans.application.preset.Preset;

/** The CLI's presets, plus {@link #CUSTOM}: the classifier's own options as given. */
public enum GeoTransPreset {
    /** Transformations, network and training from the individual options. */
    CUSTOM(null),
    /** The CLI's quick preset: paper72 transformations, WRN-10-1, one epoch. */
    QUICK(Preset.QUICK),
    /** The paper's settings: paper72, WRN-10-4 (WRN-16-8 above 32 pixels), ceil(200 / k) epochs. */
    PAPER(Preset.PAPER);

    private final Preset preset;

    GeoTransPreset(Preset preset) {
        this.preset = preset;
    }

    /** The application's preset, or null for {@link #CUSTOM}. */
    Preset preset() {
        return preset;
    }
}
