package org.geotrans.adapters.baselines;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.geotrans.adapters.dl4j.Dl4jModelZip;
import org.geotrans.domain.image.ImageShape;

/**
 * How a DL4J baseline's bytes begin: its format number, the input shape and the epochs it trained.
 * The format comes first so that bytes of another kind or version are refused before DL4J reads
 * the model zip behind them.
 */
record ModelHeader(ImageShape shape, int epochs) {
    void write(DataOutputStream out, int format) throws IOException {
        out.writeInt(format);
        out.writeInt(shape.height());
        out.writeInt(shape.width());
        out.writeInt(shape.channels());
        out.writeInt(epochs);
    }

    /**
     * @param what the kind of model expected, with its article ("an autoencoder")
     * @throws IllegalArgumentException when the bytes are of another format or shape
     */
    static ModelHeader read(DataInputStream in, int format, String what) throws IOException {
        int found = in.readInt();
        if (found != format) {
            throw new IllegalArgumentException("not " + what + " of format " + format + ": found " + found);
        }
        ImageShape shape = new ImageShape(in.readInt(), in.readInt(), in.readInt());
        return new ModelHeader(shape, in.readInt());
    }

    /**
     * DL4J's model zip, which is all that follows the header; a zip with more than a plain network's
     * entries is refused before DL4J reads it ({@link Dl4jModelZip}).
     *
     * @throws IOException also where DL4J cannot read a model from the bytes, which it reports with
     *     unchecked exceptions (IllegalStateException where it finds no model)
     */
    static MultiLayerNetwork network(DataInputStream in) throws IOException {
        byte[] zip = in.readAllBytes();
        Dl4jModelZip.checkPlainNetwork(zip, "the DL4J network after the header");
        try {
            return ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(zip), false);
        } catch (RuntimeException e) {
            throw new IOException("no DL4J network could be read after the header (" + e.getMessage() + ")", e);
        }
    }
}
