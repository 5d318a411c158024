package org.geotrans.adapters.cli;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The GeoTrans version, backend and (libtorch's) precision a run was begun with: the fingerprint's
 * "version" part, "geotrans 0.1.0, backend libtorch (fp32)". It is written and read back here, in one
 * place, so that a refused --resume can name the options that continue the run. The part stays one
 * string because run folders already on disk record it so.
 *
 * @param precision libtorch's precision ("fp32", "bf16"), or null for a backend without one
 */
record EngineVersion(String geotrans, String backend, String precision) {
    private static final Pattern FORMAT = Pattern.compile("geotrans (.+?), backend ([\\w-]+)(?: \\((\\w+)\\))?");

    /** "libtorch (fp32)", or the backend alone. */
    String engine() {
        return precision == null ? backend : backend + " (" + precision + ")";
    }

    @Override
    public String toString() {
        return "geotrans " + geotrans + ", backend " + engine();
    }

    /**
     * Reads a version part back; its start is enough, since the training checkpoint's part appends
     * " on BACKEND" to it.
     */
    static Optional<EngineVersion> parse(String part) {
        Matcher m = FORMAT.matcher(part);
        return m.lookingAt() ? Optional.of(new EngineVersion(m.group(1), m.group(2), m.group(3))) : Optional.empty();
    }
}
