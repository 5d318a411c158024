package org.geotrans.adapters.libtorch.baselines;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The frame every libtorch baseline's bytes share: a format number and the epochs trained, then
 * what the detector writes itself (usually a centre or nothing, then {@link TensorFormat}).
 * Bytes of another format or damaged bytes become one {@link IllegalArgumentException} line that
 * names the detector.
 */
final class DetectorBytes {
    /** What a detector writes after the frame. */
    interface Body {
        void write(DataOutputStream out) throws IOException;
    }

    /** Reads what a {@link Body} wrote, given the epochs from the frame. */
    interface Reader<D> {
        D read(DataInputStream in, int epochs) throws IOException;
    }

    private DetectorBytes() {
    }

    static byte[] write(String what, int format, int epochs, Body body) {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(); DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(format);
            out.writeInt(epochs);
            body.write(out);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the " + what + ": " + e.getMessage(), e);
        }
    }

    /** @throws IllegalArgumentException when the bytes are not {@code what} of {@code format} */
    static <D> D read(byte[] data, String what, int format, Reader<D> reader) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            int found = in.readInt();
            if (found != format) {
                throw new IllegalArgumentException("not a " + what + " of format " + format + ": found " + found);
            }
            return reader.read(in, in.readInt());
        } catch (IOException e) {
            throw new IllegalArgumentException("damaged " + what + ": " + e.getMessage(), e);
        }
    }

    /** Writes a length and the floats. */
    static void writeFloats(DataOutputStream out, float[] values) throws IOException {
        out.writeInt(values.length);
        for (float v : values) {
            out.writeFloat(v);
        }
    }

    /** Reads what {@link #writeFloats} wrote, refusing any length but {@code expected}. */
    static float[] readFloats(DataInputStream in, int expected, String what) throws IOException {
        int length = in.readInt();
        if (length != expected) {
            throw new IOException(what + " of " + length + " values, expected " + expected);
        }
        float[] values = new float[length];
        for (int i = 0; i < length; i++) {
            values[i] = in.readFloat();
        }
        return values;
    }
}
