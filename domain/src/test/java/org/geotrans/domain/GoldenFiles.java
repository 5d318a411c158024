package org.geotrans.domain;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Finds and reads the golden vectors in {@code shared/golden}: computed outside the project from
 * the paper's reference code, they are the specification of exact behaviour. The folder is found by
 * walking up from the working directory (CI clones the repository with {@code shared/} beside the
 * clone; locally it is /work/shared). A missing folder or file fails the test rather than skipping
 * it, so that a broken checkout cannot pass silently.
 */
public final class GoldenFiles {
    /** Where the golden folder lies relative to some ancestor of the working directory. */
    public static final String RELATIVE_FOLDER = "shared/golden";

    private static final ObjectMapper JSON = new ObjectMapper();

    private GoldenFiles() {
    }

    /** The golden folder, found from the working directory upwards; fails the test if absent. */
    public static Path folder() {
        Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath().normalize();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(RELATIVE_FOLDER);
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return fail("golden folder '" + RELATIVE_FOLDER + "' not found in " + start
                + " or any folder above it; check out shared/ beside the repository (locally /work/shared)");
    }

    /** A named file of the golden folder; fails the test if absent. */
    public static Path file(String name) {
        Path file = folder().resolve(name);
        if (!Files.isRegularFile(file)) {
            fail("golden file '" + name + "' not found in " + file.getParent());
        }
        return file;
    }

    /** Parses a gzipped JSON golden file, e.g. {@code dirichlet-mle.json.gz}. */
    public static JsonNode readJsonGz(String name) {
        Path file = file(name);
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read golden file " + file, e);
        }
    }

    /** A JSON array of numbers as doubles. */
    public static double[] doubles(JsonNode array) {
        requireArray(array);
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }

    /** A JSON array of arrays of numbers as a double matrix. */
    public static double[][] matrix(JsonNode array) {
        requireArray(array);
        double[][] out = new double[array.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = doubles(array.get(i));
        }
        return out;
    }

    /** A JSON array of integers. */
    public static int[] ints(JsonNode array) {
        requireArray(array);
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asInt();
        }
        return out;
    }

    private static void requireArray(JsonNode node) {
        if (node == null || !node.isArray()) {
            fail("expected a JSON array in the golden file, found " + (node == null ? "nothing" : node.getNodeType()));
        }
    }
}
