package org.geotrans.adapters.datasets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Small file helpers shared by the readers. */
final class DataFiles {
    private DataFiles() {
    }

    /** The first of {@code names} that is a regular file in {@code folder}, or null. */
    static Path firstExisting(Path folder, String... names) {
        for (String name : names) {
            Path p = folder.resolve(name);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }

    /** Up to 12 names in a folder, for messages that say what was found instead. */
    static String listing(Path folder) {
        try (Stream<Path> s = Files.list(folder)) {
            String names = s.map(p -> p.getFileName() + (Files.isDirectory(p) ? "/" : ""))
                    .sorted().limit(13).collect(Collectors.joining(", "));
            return names.isEmpty() ? "nothing" : names;
        } catch (IOException e) {
            return "(cannot list: " + e.getMessage() + ")";
        }
    }

    static String displayName(Path location) {
        Path name = location.toAbsolutePath().normalize().getFileName();
        return name == null ? location.toString() : name.toString();
    }
}
