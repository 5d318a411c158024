package org.geotrans.adapters.baselines;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Running a training graph once: outputs, gradients, and the BN moving statistics' update. */
final class GraphSteps {
    private GraphSteps() {
    }

    /**
     * Builds the gradient graph of {@code sd} now, for its loss and the weights plus the named
     * placeholders. SameDiff 1.0.0-M2.1 prints a line per differentiated op on System.out while it
     * does so, which would land in the command line's results on stdout: the stream is muted for
     * that moment.
     */
    static synchronized void prepareGradients(SameDiff sd, String... placeholders) {
        PrintStream out = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        try {
            sd.createGradFunction(placeholders);
        } finally {
            System.setOut(out);
        }
    }

    /**
     * Evaluates {@code outputs} and the loss's gradients for {@code gradientsFor}; when
     * {@code moments} is not empty, also folds the batch moments into the moving statistics
     * (Keras: moving = 0.99 moving + 0.01 batch, the variance made unbiased first).
     */
    static OutAndGrad run(SameDiff sd, Map<String, INDArray> feeds, Collection<String> outputs,
            Collection<String> gradientsFor, List<GraphBuilder.BatchMoments> moments, ParameterStore store,
            long batch) {
        List<String> wanted = new ArrayList<>(outputs);
        for (GraphBuilder.BatchMoments m : moments) {
            wanted.add(m.mean().name());
            wanted.add(m.variance().name());
        }
        OutAndGrad result = sd.calculateGradientsAndOutputs(feeds, wanted, gradientsFor);
        for (GraphBuilder.BatchMoments m : moments) {
            long n = batch * m.valuesPerImage();
            double unbias = n > 1 ? n / (n - 1.0) : 1.0;
            INDArray mean = result.getOutputs().get(m.mean().name());
            INDArray variance = result.getOutputs().get(m.variance().name()).mul(unbias);
            store.statistic(m.statistic() + "/mean").muli(GraphBuilder.BN_MOMENTUM).addi(mean.reshape(-1).mul(1 - GraphBuilder.BN_MOMENTUM));
            store.statistic(m.statistic() + "/var").muli(GraphBuilder.BN_MOMENTUM).addi(variance.reshape(-1).mul(1 - GraphBuilder.BN_MOMENTUM));
        }
        return result;
    }
}
