package org.geotrans.adapters.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.geotrans.domain.data.Dataset;
import org.geotrans.domain.image.ImageShape;
import org.geotrans.domain.image.Preprocessing;

/**
 * A dataset read for a command, with the preprocessing the paper uses for it.
 *
 * @param seconds time spent reading
 */
record LoadedData(Path location, Dataset dataset, Preprocessing preprocessing, double seconds) {

    ImageShape rawShape() {
        return dataset.train().shape();
    }

    ImageShape inputShape() {
        return preprocessing.outputShape(rawShape());
    }

    /** One class by name or index; a usage error listing the classes otherwise. */
    int classIndex(String nameOrIndex) {
        try {
            return dataset.train().classIndex(nameOrIndex);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** The classes named; all of them for none or "all". */
    List<Integer> classIndices(List<String> names) {
        List<Integer> out = new ArrayList<>();
        if (names == null || names.isEmpty() || names.stream().anyMatch(n -> n.trim().equalsIgnoreCase("all"))) {
            for (int c = 0; c < dataset.train().classNames().size(); c++) {
                out.add(c);
            }
            return out;
        }
        for (String name : names) {
            int c = classIndex(name);
            if (!out.contains(c)) {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * The same data with a test set of the normal classes and the named anomaly classes only (the
     * paper's section 6 pits one class against one other); all of it without anomaly classes.
     *
     * @throws UsageException for an unknown class, or an anomaly class that is also normal
     */
    LoadedData withAnomalyClasses(List<Integer> normalClasses, List<String> anomalyClasses) {
        if (anomalyClasses == null || anomalyClasses.isEmpty()) {
            return this;
        }
        java.util.Set<Integer> kept = new java.util.TreeSet<>(normalClasses);
        for (String name : anomalyClasses) {
            int c = classIndex(name);
            if (normalClasses.contains(c)) {
                throw new UsageException("--anomaly-classes: '" + className(c) + "' is a normal class here");
            }
            kept.add(c);
        }
        return new LoadedData(location, new Dataset(dataset.name(), dataset.train(), dataset.test().onlyClasses(kept),
                dataset.notes()),
                preprocessing, seconds);
    }

    String className(int index) {
        return dataset.train().classNames().get(index);
    }
}
