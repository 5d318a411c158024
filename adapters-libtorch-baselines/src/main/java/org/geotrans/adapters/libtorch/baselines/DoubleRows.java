package org.geotrans.adapters.libtorch.baselines;

import static org.bytedeco.pytorch.global.torch.from_blob;

import java.util.Arrays;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.pytorch.MemoryFormatOptional;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptions;
import org.bytedeco.pytorch.global.torch.ScalarType;

/**
 * Matrices between tensors and Java's {@code double[][]}, for the pure-Java mathematics of the
 * domain (DAGMM's mixture): in double precision whatever the tensor's type, so that a network
 * turned to double (the gradient checks) loses nothing on the way.
 */
final class DoubleRows {
    private DoubleRows() {
    }

    /** The rows of a 2-D tensor, without its autograd history. */
    static double[][] of(Tensor matrix) {
        int rows = Math.toIntExact(matrix.size(0));
        int columns = Math.toIntExact(matrix.size(1));
        double[] flat = new double[rows * columns];
        try (NoGradGuard noGrad = new NoGradGuard();
             DoublePointer buffer = new DoublePointer(flat.length);
             TensorOptions options = new TensorOptions(ScalarType.Double);
             Tensor target = from_blob(buffer, new long[] {rows, columns}, options)) {
            target.copy_(matrix);
            buffer.get(flat);
        }
        double[][] out = new double[rows][];
        for (int i = 0; i < rows; i++) {
            out[i] = Arrays.copyOfRange(flat, i * columns, (i + 1) * columns);
        }
        return out;
    }

    /** A tensor of {@code rows} (all of one length) with {@code like}'s type; it owns its memory. */
    static Tensor tensor(double[][] rows, Tensor like) {
        int columns = rows[0].length;
        double[] flat = new double[rows.length * columns];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, flat, i * columns, columns);
        }
        try (DoublePointer buffer = new DoublePointer(flat);
             TensorOptions options = new TensorOptions(ScalarType.Double);
             Tensor view = from_blob(buffer, new long[] {rows.length, columns}, options)) {
            // copy = true: the view's memory is freed here, even when the type is already double
            return view.to(like.scalar_type(), false, true, new MemoryFormatOptional());
        }
    }
}
