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

    String className(int index) {
        return dataset.train().classNames().get(index);
    }
}
