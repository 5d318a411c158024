package org.geotrans.adapters.dl4j;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What DL4J needs to continue a training exactly: ND4J's random generator state, then
 * ModelSerializer's zip with the weights (batch norm's running statistics included), Adam's
 * moments and the configuration with its iteration and epoch counts (Adam's bias correction
 * depends on the iteration). The position in the data stream is the checkpoint's own.
 */
final class Dl4jTrainingState {
    private static final byte[] MAGIC = "GEOTRANS-DL4J-TRAINING-STATE\n".getBytes(StandardCharsets.US_ASCII);
    private static final int VERSION = 1;

    private Dl4jTrainingState() {
    }

    static void write(ComputationGraph network, OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        data.write(MAGIC);
        data.writeInt(VERSION);
        Random random = Nd4j.getRandom();
        data.writeLong(random.rootState());
        data.writeLong(random.nodeState());
        data.flush();
        ModelSerializer.writeModel(network, out, true);
        out.flush();
    }

    /** The network with its weights and optimiser state; ND4J's generator set as it was. */
    static ComputationGraph restore(InputStream in, NetworkSpec spec) throws IOException {
        DataInputStream data = new DataInputStream(in);
        if (!Arrays.equals(data.readNBytes(MAGIC.length), MAGIC)) {
            throw new IOException("the checkpoint does not hold a DL4J training state");
        }
        int version = data.readInt();
        if (version != VERSION) {
            throw new IOException("DL4J training state version " + version + " is not supported (this build reads "
                    + VERSION + ")");
        }
        long root = data.readLong();
        long node = data.readLong();
        byte[] model = data.readAllBytes();
        Dl4jModelZip.checkPlainNetwork(model, "the DL4J training state");
        ComputationGraph network;
        try {
            network = ModelSerializer.restoreComputationGraph(new ByteArrayInputStream(model), true);
        } catch (RuntimeException e) {
            throw new IOException("the DL4J training state could not be restored: " + e, e);
        }
        long outputs = network.getLayer(WideResNet.OUTPUT).getParam("W").size(1);
        if (outputs != spec.classes()) {
            throw new IOException("the DL4J training state has " + outputs + " outputs, the training " + spec.classes());
        }
        Nd4j.getRandom().setStates(root, node);
        return network;
    }
}
