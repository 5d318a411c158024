package org.geotrans.adapters.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A list of classes on the command line: names or indices separated by commas, and ranges such as 0-4. */
final class ClassList {
    private static final Pattern RANGE = Pattern.compile("\\s*(\\d+)\\s*-\\s*(\\d+)\\s*");

    private ClassList() {
    }

    /**
     * The class indices, in the order given and without repeats; a usage error naming the option
     * for an unknown class or an empty list.
     */
    static List<Integer> parse(String option, String text, LoadedData data) {
        List<Integer> out = new ArrayList<>();
        for (String item : text.split(",")) {
            if (item.isBlank()) {
                continue;
            }
            Matcher range = RANGE.matcher(item);
            if (range.matches()) {
                int first = Integer.parseInt(range.group(1));
                int last = Integer.parseInt(range.group(2));
                if (first > last) {
                    throw new UsageException(option + ": range " + item.strip() + " runs backwards");
                }
                for (int c = first; c <= last; c++) {
                    add(out, index(option, String.valueOf(c), data));
                }
            } else {
                add(out, index(option, item.strip(), data));
            }
        }
        if (out.isEmpty()) {
            throw new UsageException(option + ": no class given");
        }
        return out;
    }

    private static int index(String option, String nameOrIndex, LoadedData data) {
        try {
            return data.dataset().train().classIndex(nameOrIndex);
        } catch (IllegalArgumentException e) {
            throw new UsageException(option + ": " + e.getMessage());
        }
    }

    private static void add(List<Integer> out, int c) {
        if (!out.contains(c)) {
            out.add(c);
        }
    }
}
