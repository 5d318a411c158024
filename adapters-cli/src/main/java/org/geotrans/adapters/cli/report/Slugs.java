package org.geotrans.adapters.cli.report;

import java.util.Locale;
import org.geotrans.application.evaluate.DetectorKind;

/** File-name parts: lower case letters, digits and dashes ("T-shirt/top" becomes "t-shirt-top"). */
final class Slugs {
    private Slugs() {
    }

    static String of(String text) {
        String s = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return s.isEmpty() ? "class" : s;
    }

    static String of(DetectorKind kind) {
        return of(kind.name());
    }

    /** Class files carry the index too: two names may slug alike. */
    static String ofClass(int index, String name) {
        return index + "-" + of(name);
    }
}
