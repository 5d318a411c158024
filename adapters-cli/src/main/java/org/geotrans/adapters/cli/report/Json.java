package org.geotrans.adapters.cli.report;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;

/**
 * Writes maps, collections, strings, numbers, booleans and null as indented JSON; non-finite
 * numbers become null, which JSON lacks words for. Enough for results.json without a library.
 */
final class Json {
    private Json() {
    }

    static String write(Object value) {
        StringBuilder b = new StringBuilder();
        write(value, b, 0);
        return b.append('\n').toString();
    }

    private static void write(Object v, StringBuilder b, int depth) {
        if (v == null) {
            b.append("null");
        } else if (v instanceof Map<?, ?> map) {
            writeMap(map, b, depth);
        } else if (v instanceof Collection<?> list) {
            writeList(list, b, depth);
        } else if (v instanceof double[] array) {
            writeList(java.util.Arrays.stream(array).boxed().toList(), b, depth);
        } else if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            b.append(Double.isFinite(d) ? number(d) : "null");
        } else if (v instanceof Number || v instanceof Boolean) {
            b.append(v);
        } else {
            string(v.toString(), b);
        }
    }

    private static String number(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.format(Locale.ROOT, "%.1f", d) : Double.toString(d);
    }

    private static void writeMap(Map<?, ?> map, StringBuilder b, int depth) {
        if (map.isEmpty()) {
            b.append("{}");
            return;
        }
        b.append("{\n");
        int i = 0;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            indent(b, depth + 1);
            string(String.valueOf(e.getKey()), b);
            b.append(": ");
            write(e.getValue(), b, depth + 1);
            b.append(++i < map.size() ? ",\n" : "\n");
        }
        indent(b, depth);
        b.append('}');
    }

    private static void writeList(Collection<?> list, StringBuilder b, int depth) {
        if (list.isEmpty()) {
            b.append("[]");
            return;
        }
        boolean flat = list.stream().allMatch(x -> x == null || x instanceof Number || x instanceof Boolean);
        b.append(flat ? "[" : "[\n");
        int i = 0;
        for (Object x : list) {
            if (!flat) {
                indent(b, depth + 1);
            }
            write(x, b, depth + 1);
            boolean more = ++i < list.size();
            b.append(flat ? (more ? ", " : "") : (more ? ",\n" : "\n"));
        }
        if (!flat) {
            indent(b, depth);
        }
        b.append(']');
    }

    private static void indent(StringBuilder b, int depth) {
        b.append("  ".repeat(depth));
    }

    static void string(String s, StringBuilder b) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }
}
