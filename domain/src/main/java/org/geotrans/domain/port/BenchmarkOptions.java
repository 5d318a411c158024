package org.geotrans.domain.port;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.geotrans.domain.image.ImageShape;
import org.geotrans.domain.transform.TransformationSet;

/**
 * The {@code --option value} pairs of a backend's throughput benchmark. The options every backend
 * shares are checked here, against the same bounds, before any backend starts: a benchmark asked
 * for a 100,000-wide network must fail in one line, not by exhausting memory.
 */
public final class BenchmarkOptions {
    /** The largest image side benchmarked, as for image folders. */
    public static final int MAX_SIDE = 1024;

    private final Map<String, String> values;

    private BenchmarkOptions(Map<String, String> values) {
        this.values = values;
    }

    /**
     * {@code args} over the shared defaults and then {@code backendDefaults}; the shared options
     * are validated, the backend's own are the backend's to check.
     *
     * @throws IllegalArgumentException naming the option and its range, an unknown option or a lone value
     */
    public static BenchmarkOptions parse(String[] args, Map<String, String> backendDefaults) {
        Map<String, String> values = new LinkedHashMap<>();
        values.putAll(Map.of("depth", "10", "widen", "4", "shapes", "32x32x1,32x32x3", "transformations", "paper72",
                "images", "1024", "train-batch", "128", "infer-batch", "256", "warmup", "3", "iterations", "8"));
        values.putAll(Map.of("train", "true", "infer", "true"));
        values.putAll(backendDefaults);
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --option value pairs, got '" + args[i] + "'");
            }
            String key = args[i].substring(2);
            if (!values.containsKey(key)) {
                throw new IllegalArgumentException("unknown option --" + key + "; known: " + values.keySet());
            }
            values.put(key, args[++i]);
        }
        BenchmarkOptions options = new BenchmarkOptions(values);
        options.validateShared();
        return options;
    }

    private void validateShared() {
        intOption("warmup", 0, 1000);
        intOption("iterations", 1, 100_000);
        intOption("images", 1, 100_000);
        intOption("infer-batch", 1, ClassifierSettings.MAX_BATCH_SIZE);
        settings();
        flag("train");
        flag("infer");
        shapes();
    }

    /** The network benchmarked (depth, widen, training batch; one epoch, the paper's rate and decay). */
    public ClassifierSettings settings() {
        return new ClassifierSettings(intOption("depth"), intOption("widen"), 1, intOption("train-batch"), 1e-3,
                ClassifierSettings.PAPER_WEIGHT_DECAY, 42);
    }

    /** The image shapes, each with a side of at most {@link #MAX_SIDE} and the transformations defined on it. */
    public List<ImageShape> shapes() {
        List<ImageShape> shapes = new ArrayList<>();
        for (String text : get("shapes").split(",")) {
            ImageShape shape = ImageShape.parse(text);
            if (Math.max(shape.height(), shape.width()) > MAX_SIDE) {
                throw new IllegalArgumentException("--shapes: sides must be 1.." + MAX_SIDE + ", got " + shape);
            }
            transformations(shape);
            shapes.add(shape);
        }
        return shapes;
    }

    public TransformationSet transformations(ImageShape shape) {
        return TransformationSet.parse(get("transformations"), shape);
    }

    public String get(String key) {
        String value = values.get(key);
        if (value == null) {
            throw new IllegalArgumentException("no benchmark option --" + key);
        }
        return value;
    }

    public int intOption(String key) {
        try {
            return Integer.parseInt(get(key));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + key + " expects an integer, got '" + get(key) + "'");
        }
    }

    public int intOption(String key, int min, int max) {
        int v = intOption(key);
        if (v < min || v > max) {
            throw new IllegalArgumentException("--" + key + " must be " + min + ".." + max + ", got " + v);
        }
        return v;
    }

    public boolean flag(String key) {
        return switch (get(key)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("--" + key + " must be true or false, got '" + get(key) + "'");
        };
    }

    public <E extends Enum<E>> E enumOption(String key, Class<E> type) {
        try {
            return Enum.valueOf(type, get(key));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--" + key + " must be one of " + Arrays.toString(type.getEnumConstants())
                    + ", got '" + get(key) + "'");
        }
    }

    /** All options with their values, in order, for the benchmark's header line. */
    public Map<String, String> asMap() {
        return Collections.unmodifiableMap(values);
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
