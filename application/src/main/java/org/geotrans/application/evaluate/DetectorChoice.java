package org.geotrans.application.evaluate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The detectors of the paper's Table 1 by the names a user chooses them with, in the table's
 * order; each stands for the result columns it produces. A detector this build does not implement
 * yet produces none and is refused by {@link #kindsOf}, never silently left out.
 */
public enum DetectorChoice {
    RAW_OCSVM("raw-ocsvm", EnumSet.of(DetectorKind.OCSVM, DetectorKind.OCSVM_HINDSIGHT)),
    CAE_OCSVM("cae-ocsvm", EnumSet.of(DetectorKind.CAE_OCSVM, DetectorKind.CAE_OCSVM_HINDSIGHT)),
    DEEP_SVDD("deep-svdd", EnumSet.of(DetectorKind.DEEP_SVDD)),
    DSEBM("dsebm", EnumSet.of(DetectorKind.DSEBM)),
    DAGMM("dagmm", EnumSet.of(DetectorKind.DAGMM)),
    /**
     * Trains and scores, but is refused until it is shown to learn: a unit test's budget leaves it
     * at the untrained generator's ranking, and the reference's budget is about a day per class here.
     */
    ADGAN("adgan", EnumSet.noneOf(DetectorKind.class), "it trains and scores, but is not yet shown to learn within a"
            + " budget a CPU can run (the paper's takes about a day per class)"),
    GEOTRANS("geotrans", EnumSet.of(DetectorKind.GEOTRANS_DIRICHLET, DetectorKind.GEOTRANS_SIMPLIFIED));

    /** What {@code compare} runs unless told otherwise: GeoTrans and the raw-pixel One-Class SVM. */
    public static final Set<DetectorChoice> DEFAULT = EnumSet.of(GEOTRANS, RAW_OCSVM);

    private final String cliName;
    private final EnumSet<DetectorKind> kinds;
    private final String unavailable;

    DetectorChoice(String cliName, EnumSet<DetectorKind> kinds) {
        this(cliName, kinds, "it is not implemented yet");
    }

    /** @param unavailable why a detector without result columns is refused */
    DetectorChoice(String cliName, EnumSet<DetectorKind> kinds, String unavailable) {
        this.cliName = cliName;
        this.kinds = kinds;
        this.unavailable = unavailable;
    }

    /** The name users type, e.g. "deep-svdd". */
    public String cliName() {
        return cliName;
    }

    public boolean isImplemented() {
        return !kinds.isEmpty();
    }

    /** The result columns this detector produces; empty when it is not implemented yet. */
    public Set<DetectorKind> kinds() {
        return EnumSet.copyOf(kinds);
    }

    /** Every implemented detector, in Table 1's order. */
    public static List<DetectorChoice> implemented() {
        List<DetectorChoice> out = new ArrayList<>();
        for (DetectorChoice c : values()) {
            if (c.isImplemented()) {
                out.add(c);
            }
        }
        return out;
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
     *
     * @throws IllegalArgumentException naming the first one that is not available and why, and those that are
     */
    public static Set<DetectorKind> kindsOf(Collection<DetectorChoice> choices) {
        Set<DetectorKind> out = EnumSet.noneOf(DetectorKind.class);
        for (DetectorChoice c : choices) {
            if (!c.isImplemented()) {
                throw new IllegalArgumentException("detector '" + c.cliName + "' is not available: " + c.unavailable
                        + "; this build has " + names(implemented()));
            }
            out.addAll(c.kinds);
        }
        return out;
    }

    private static String names(List<DetectorChoice> choices) {
        return String.join(", ", choices.stream().map(DetectorChoice::cliName).toList());
    }
}
