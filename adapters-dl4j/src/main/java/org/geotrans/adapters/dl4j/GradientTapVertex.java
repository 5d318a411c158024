package org.geotrans.adapters.dl4j;

import org.deeplearning4j.nn.conf.graph.ScaleVertex;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An identity vertex that keeps a copy of the gradient flowing back through it. DL4J clears every
 * vertex's epsilon at the end of a backward pass and never keeps one at an input vertex, so the
 * gradient with respect to the network's input is caught here, right after the input.
 */
final class GradientTapVertex extends ScaleVertex {

    GradientTapVertex() {
        super(1.0);
    }

    @Override
    public GraphVertex instantiate(ComputationGraph graph, String name, int idx, INDArray paramsView,
                                   boolean initializeParams, DataType networkDatatype) {
        return new Tap(graph, name, idx, networkDatatype);
    }

    @Override
    public GradientTapVertex clone() {
        return new GradientTapVertex();
    }

    /** The vertex as instantiated in a network. */
    static final class Tap extends org.deeplearning4j.nn.graph.vertex.impl.ScaleVertex {
        private INDArray lastGradient;

        Tap(ComputationGraph graph, String name, int idx, DataType dataType) {
            super(graph, name, idx, 1.0, dataType);
        }

        @Override
        public Pair<Gradient, INDArray[]> doBackward(boolean tbptt, LayerWorkspaceMgr workspaceMgr) {
            lastGradient = getEpsilon().detach();
            return super.doBackward(tbptt, workspaceMgr);
        }

        /** The gradient of the last backward pass at this vertex, or null before any. */
        INDArray lastGradient() {
            return lastGradient;
        }
    }
}
