package org.geotrans.adapters.libtorch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Runs a main class of the test class path in a fresh JVM, for what is decided once per process. */
final class ChildJvm {
    private ChildJvm() {
    }

    /**
     * Runs {@code mainClass}, asserts it ended with exit 0 within the minutes given, and returns
     * its standard output and error together.
     *
     * @param jvmOptions options before the class path, e.g. {@code -Dname=value}
     * @param environment changes to the inherited environment
     */
    static String run(Class<?> mainClass, List<String> jvmOptions, Consumer<Map<String, String>> environment,
                      int minutes) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass.getName()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        environment.accept(builder.environment());
        Process child = builder.start();
        String output;
        try {
            assertTrue(child.waitFor(minutes, TimeUnit.MINUTES), "the child JVM did not finish in " + minutes + " minutes");
            output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } finally {
            child.destroyForcibly();
        }
        assertEquals(0, child.exitValue(), output);
        return output;
    }
}
