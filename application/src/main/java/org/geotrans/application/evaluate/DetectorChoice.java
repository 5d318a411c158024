package org.geotrans.application.evaluate;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The detectors of the paper's Table 1 by the names a user chooses them with, in the table's
 * order; each stands for the result columns it produces. Every detector of the table is
 * implemented; which backend runs which is the deployment's choice.
 */
public enum DetectorChoice {
    RAW_OCSVM("raw-ocsvm", EnumSet.of(DetectorKind.OCSVM, DetectorKind.OCSVM_HINDSIGHT)),
    CAE_OCSVM("cae-ocsvm", EnumSet.of(DetectorKind.CAE_OCSVM, DetectorKind.CAE_OCSVM_HINDSIGHT)),
    DEEP_SVDD("deep-svdd", EnumSet.of(DetectorKind.DEEP_SVDD)),
    DSEBM("dsebm", EnumSet.of(DetectorKind.DSEBM)),
    DAGMM("dagmm", EnumSet.of(DetectorKind.DAGMM)),
    /**
     * ADGAN (Deecke et al. 2018). Its scores cost about a second per image on this CPU, so, as the
     * reference code, it scores at most 5,000 test images (the use case draws them).
     */
    ADGAN("adgan", EnumSet.of(DetectorKind.ADGAN)),
    GEOTRANS("geotrans", EnumSet.of(DetectorKind.GEOTRANS_DIRICHLET, DetectorKind.GEOTRANS_SIMPLIFIED));

    /** What {@code compare} runs unless told otherwise: GeoTrans and the raw-pixel One-Class SVM. */
    public static final Set<DetectorChoice> DEFAULT = EnumSet.of(GEOTRANS, RAW_OCSVM);

    private final String cliName;
    private final EnumSet<DetectorKind> kinds;

    DetectorChoice(String cliName, EnumSet<DetectorKind> kinds) {
        this.cliName = cliName;
        this.kinds = kinds;
    }

    /** The name users type, e.g. "deep-svdd". */
    public String cliName() {
        return cliName;
    }

    /** The result columns this detector produces. */
    public Set<DetectorKind> kinds() {
        return EnumSet.copyOf(kinds);
    }

    /**
     * The detector named {@code name} (case and surrounding blanks ignored).
     *
     * @throws IllegalArgumentException naming the known detectors when there is none of that name
     */
    public static DetectorChoice byName(String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        for (DetectorChoice c : values()) {
            if (c.cliName.equals(wanted)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown detector '" + name.strip() + "'; the detectors are " + names(List.of(values()))
                + " or all");
    }

    /**
     * The result columns of these detectors.
     */
    public static Set<DetectorKind> kindsOf(Collection<DetectorChoice> choices) {
        Set<DetectorKind> out = EnumSet.noneOf(DetectorKind.class);
        for (DetectorChoice c : choices) {
            out.addAll(c.kinds);
        }
        return out;
    }

    private static String names(List<DetectorChoice> choices) {
        return String.join(", ", choices.stream().map(DetectorChoice::cliName).toList());
    }
}
