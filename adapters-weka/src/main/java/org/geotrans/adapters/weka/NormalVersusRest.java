package org.geotrans.adapters.weka;

import java.util.ArrayList;
import java.util.List;
import weka.core.Attribute;
import weka.core.Capabilities;
import weka.core.Capabilities.Capability;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.OptionMetadata;
import weka.filters.SimpleBatchFilter;

/**
 * Turns a multi-class set into one normal class against the rest: the class attribute becomes
 * nominal with two values, the normal label first and {@code rest} (or another name) second.
 */
public class NormalVersusRest extends SimpleBatchFilter {
    private static final long serialVersionUID = 1L;

    private String normalClass = NormalClass.FIRST;
    private String restLabel = "rest";

    @Override
    public String globalInfo() {
        return "Replaces the nominal class by two values: the chosen normal class (first) and all other classes merged"
                + " into one (second), for one-class anomaly detection. The data must have a class attribute (the"
                + " Preprocess panel uses the last attribute).";
    }

    @Override
    public Capabilities getCapabilities() {
        Capabilities result = super.getCapabilities();
        result.disableAll();
        result.enableAllAttributes();
        result.enable(Capability.MISSING_VALUES);
        result.enable(Capability.NOMINAL_CLASS);
        result.enable(Capability.MISSING_CLASS_VALUES);
        return result;
    }

    @Override
    protected Instances determineOutputFormat(Instances input) {
        if (input.classIndex() < 0) {
            input.setClassIndex(input.numAttributes() - 1);
        }
        Attribute old = input.classAttribute();
        int normal = NormalClass.resolve(normalClass, old);
        String normalLabel = old.value(normal);
        if (normalLabel.equals(restLabel)) {
            throw new IllegalArgumentException("the label for the other classes, '" + restLabel
                    + "', is the normal class's label: choose another");
        }
        ArrayList<Attribute> attributes = new ArrayList<>(input.numAttributes());
        for (int a = 0; a < input.numAttributes(); a++) {
            attributes.add(a == input.classIndex() ? new Attribute(old.name(), List.of(normalLabel, restLabel))
                    : (Attribute) input.attribute(a).copy());
        }
        Instances out = new Instances(input.relationName() + "-" + normalLabel + "-vs-" + restLabel, attributes, 0);
        out.setClassIndex(input.classIndex());
        return out;
    }

    @Override
    protected Instances process(Instances input) {
        Instances out = new Instances(getOutputFormat(), input.numInstances());
        int classIndex = input.classIndex();
        int normal = NormalClass.resolve(normalClass, input.classAttribute());
        for (Instance instance : input) {
            double[] values = instance.toDoubleArray();
            if (!instance.classIsMissing()) {
                values[classIndex] = (int) instance.classValue() == normal ? 0 : 1;
            }
            out.add(new DenseInstance(instance.weight(), values));
        }
        return out;
    }

    @OptionMetadata(displayName = "normalClass", description = NormalClass.OPTION_DESCRIPTION,
            commandLineParamName = "normal", commandLineParamSynopsis = NormalClass.OPTION_SYNOPSIS, displayOrder = 1)
    public String getNormalClass() {
        return normalClass;
    }

    public void setNormalClass(String value) {
        normalClass = value;
    }

    @OptionMetadata(displayName = "restLabel", description = "Label of the merged other classes (default: rest).",
            commandLineParamName = "rest", commandLineParamSynopsis = "-rest <label>", displayOrder = 2)
    public String getRestLabel() {
        return restLabel;
    }

    public void setRestLabel(String value) {
        restLabel = value;
    }

    public static void main(String[] args) {
        runFilter(new NormalVersusRest(), args);
    }
}
