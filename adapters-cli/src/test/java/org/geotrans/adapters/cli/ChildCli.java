package org.geotrans.adapters.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the CLI's main in a new JVM with a small heap, as a user's shell would, and keeps what it printed. */
final class ChildCli {
    /** Far below every claim the robustness tests make (1.6 GB and up). */
    static final String HEAP = "-Xmx256m";

    private ChildCli() {
    }

    static Cli.Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                HEAP, "-XX:+UseSerialGC", "-Xshare:auto", "-cp", System.getProperty("java.class.path"),
                GeoTransCli.class.getName()));
        command.addAll(List.of(args));
        Path out = java.nio.file.Files.createTempFile("geotrans-out", ".txt");
        Path err = java.nio.file.Files.createTempFile("geotrans-err", ".txt");
        try {
            Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            p.getOutputStream().close();
            assertTrue(p.waitFor(2, TimeUnit.MINUTES), "timed out: geotrans " + String.join(" ", args));
            return new Cli.Result(p.exitValue(), java.nio.file.Files.readString(out, StandardCharsets.UTF_8),
                    java.nio.file.Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            java.nio.file.Files.deleteIfExists(out);
            java.nio.file.Files.deleteIfExists(err);
        }
    }
}
