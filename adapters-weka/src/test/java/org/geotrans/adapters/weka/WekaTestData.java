package org.geotrans.adapters.weka;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instances;

/** Small synthetic image sets as Weka instances. */
final class WekaTestData {
    private WekaTestData() {
    }

    /**
     * {@code perClass} grey {@code side x side} images of each class: "stripes" are bright in the
     * top rows and dark below (an orientation a rotation changes), "noise" is uniform noise.
     */
    static Instances stripesAndNoise(int side, int perClass, long seed, List<String> classes) {
        ArrayList<Attribute> attributes = new ArrayList<>();
        for (int r = 0; r < side; r++) {
            for (int c = 0; c < side; c++) {
                attributes.add(new Attribute(ImageLayout.attributeName(r, c, 0)));
            }
        }
        attributes.add(new Attribute("class", classes));
        Instances data = new Instances("synthetic-" + side + "x" + side + "x1", attributes, 2 * perClass);
        data.setClassIndex(data.numAttributes() - 1);
        Random random = new Random(seed);
        for (int i = 0; i < 2 * perClass; i++) {
            boolean stripes = i % 2 == 0;
            double[] v = new double[side * side + 1];
            for (int p = 0; p < side * side; p++) {
                int row = p / side;
                v[p] = stripes ? (row < side / 2 ? 200 : 30) + 20 * random.nextDouble() : 255 * random.nextDouble();
            }
            v[side * side] = stripes ? 0 : 1 + random.nextInt(classes.size() - 1);
            data.add(new DenseInstance(1, v));
        }
        return data;
    }
}
