package org.geotrans.adapters.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bin/geotrans in a checkout without a build: it builds nothing and tells how to build. */
class LauncherScriptTest {
    @TempDir
    Path checkout;

    @Test
    void givenNoJar_thenItSaysHowToBuildAndExitsOne() throws IOException, InterruptedException {
        Path script = Path.of("..", "bin", "geotrans").toAbsolutePath().normalize();
        Files.createDirectories(checkout.resolve("bin"));
        Files.copy(script, checkout.resolve("bin/geotrans"));
        Process p = new ProcessBuilder("bash", checkout.resolve("bin/geotrans").toString(), "--help")
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(1, p.waitFor());
        assertTrue(output.startsWith("GeoTrans is not built yet: run `mvn -B -DskipTests package` in "
                + checkout.toRealPath()), output);
        assertEquals(1, output.lines().count(), output);
    }
}
