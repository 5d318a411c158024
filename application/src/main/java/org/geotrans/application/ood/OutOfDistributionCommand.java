package org.geotrans.application.ood;

import java.util.List;
import java.util.Objects;
import org.geotrans.domain.data.LabeledImages;
import org.geotrans.domain.image.Preprocessing;
import org.geotrans.domain.port.ClassifierSettings;
import org.geotrans.domain.transform.TransformationSet;

/**
 * What the out-of-distribution experiment of section 5.5 runs on.
 *
 * @param inTrain the labelled training split of the in-distribution dataset
 * @param inTest its test split
 * @param inClasses the classes of that dataset that are in-distribution; their order gives the
 *     category head's outputs
 * @param inPreprocessing the paper's preprocessing for the in-distribution images
 * @param outSets the out-of-distribution sets, each scored against the in-distribution test images
 * @param maxTrain at most this many in-distribution training images, a seeded random subset; 0 = all
 * @param maxTest at most this many images of the in-distribution test images and of each
 *     out-of-distribution set, seeded random subsets; 0 = all
 */
public record OutOfDistributionCommand(LabeledImages inTrain, LabeledImages inTest, List<Integer> inClasses,
                                       Preprocessing inPreprocessing, List<OutOfDistributionSet> outSets,
                                       TransformationSet transformations, ClassifierSettings classifier, int maxTrain,
                                       int maxTest) {
    public OutOfDistributionCommand {
        Objects.requireNonNull(inTrain, "inTrain");
        Objects.requireNonNull(inTest, "inTest");
        Objects.requireNonNull(inPreprocessing, "inPreprocessing");
        Objects.requireNonNull(transformations, "transformations");
        Objects.requireNonNull(classifier, "classifier");
        inClasses = List.copyOf(inClasses);
        outSets = List.copyOf(outSets);
        if (inClasses.size() < 2) {
            throw new IllegalArgumentException("the category head needs at least 2 in-distribution classes, got "
                    + inClasses.size());
        }
        if (inClasses.stream().distinct().count() != inClasses.size()) {
            throw new IllegalArgumentException("in-distribution classes repeat: " + inClasses);
        }
        int classes = inTrain.classNames().size();
        for (int c : inClasses) {
            if (c < 0 || c >= classes) {
                throw new IllegalArgumentException("class " + c + " is not one of the dataset's 0.." + (classes - 1));
            }
        }
        if (outSets.isEmpty()) {
            throw new IllegalArgumentException("no out-of-distribution set to score");
        }
        if (maxTrain < 0 || maxTest < 0) {
            throw new IllegalArgumentException("image limits must be 0 (all) or positive, got " + maxTrain + " and " + maxTest);
        }
    }
}
