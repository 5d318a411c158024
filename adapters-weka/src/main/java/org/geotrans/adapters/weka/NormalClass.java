package org.geotrans.adapters.weka;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import weka.core.Attribute;
import weka.core.Capabilities;
import weka.core.Capabilities.Capability;

/** Finds the normal class among the values of a nominal class attribute. */
final class NormalClass {
    /** The option's default: the first class value. */
    static final String FIRST = "first";
    /** The {@code -normal} option's help, shared by the detectors and the filter. */
    static final String OPTION_DESCRIPTION = "The normal class: a class label, first, last or a 1-based index"
            + " (default: first).";
    static final String OPTION_SYNOPSIS = "-normal <label|first|last|index>";

    private NormalClass() {
    }

    /**
     * What a one-class detector over pixel attributes accepts: the Experimenter hands it every
     * class, so a nominal class (the normal one is picked in {@code buildClassifier}), missing
     * class values, and no minimum number of instances.
     */
    static Capabilities detectorCapabilities(Capabilities inherited) {
        inherited.disableAll();
        inherited.enable(Capability.NUMERIC_ATTRIBUTES);
        inherited.enable(Capability.NOMINAL_CLASS);
        inherited.enable(Capability.MISSING_CLASS_VALUES);
        inherited.setMinimumNumberInstances(0);
        return inherited;
    }

    /**
     * The index of the normal class value.
     *
     * @param spec a class label, {@code first}, {@code last}, or a 1-based index
     * @throws IllegalArgumentException naming the spec and the class values when it matches none
     */
    static int resolve(String spec, Attribute classAttribute) {
        if (classAttribute == null || !classAttribute.isNominal()) {
            throw new IllegalArgumentException("the normal class needs a nominal class attribute, found "
                    + (classAttribute == null ? "none" : Attribute.typeToString(classAttribute)));
        }
        int count = classAttribute.numValues();
        if (count == 0) {
            throw new IllegalArgumentException("class attribute '" + classAttribute.name() + "' has no values");
        }
        String s = spec == null ? "" : spec.trim();
        if (s.isEmpty() || s.equalsIgnoreCase(FIRST)) {
            return 0;
        }
        if (s.equalsIgnoreCase("last")) {
            return count - 1;
        }
        int exact = classAttribute.indexOfValue(s);
        if (exact >= 0) {
            return exact;
        }
        for (int i = 0; i < count; i++) {
            if (classAttribute.value(i).toLowerCase(Locale.ROOT).equals(s.toLowerCase(Locale.ROOT))) {
                return i;
            }
        }
        if (s.matches("\\d+")) {
            int index = Integer.parseInt(s);
            if (index >= 1 && index <= count) {
                return index - 1;
            }
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            values.add(classAttribute.value(i));
        }
        throw new IllegalArgumentException("normal class '" + spec + "' is not a value of class attribute '"
                + classAttribute.name() + "': expected one of " + values + ", first, last or an index 1.." + count);
    }
}
