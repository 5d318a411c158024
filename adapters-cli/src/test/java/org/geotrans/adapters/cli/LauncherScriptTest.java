package org.geotrans.adapters.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * bin/geotrans: in a checkout without a build it builds nothing and tells how to build; in a built
 * one it chooses the memory allocator the JVM starts with (a stand-in {@code java} on the PATH
 * prints what it was given).
 */
class LauncherScriptTest {
    @TempDir
    Path checkout;

    @Test
    void givenNoJar_thenItSaysHowToBuildAndExitsOne() throws IOException, InterruptedException {
        copyScript();
        Launch launch = launch(Map.of(), false);
        assertEquals(1, launch.exitCode);
        assertTrue(launch.output.startsWith("GeoTrans is not built yet: run `mvn -B -DskipTests package` in "
                + checkout.toRealPath()), launch.output);
        assertEquals(1, launch.output.lines().count(), launch.output);
    }

    @Test
    void givenGlibc_thenTheJvmStartsWithTheSystemAllocatorUntouched() throws IOException, InterruptedException {
        built();
        Launch launch = launch(Map.of("GEOTRANS_MALLOC", "glibc"), true);
        assertEquals(0, launch.exitCode, launch.output);
        assertEquals("preload=[] mmap-threshold=[] args=[-jar compare --help]", launch.javaLine(), launch.output);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"GEOTRANS_MALLOC", "LD_PRELOAD"})
    void givenALibraryInEitherVariable_thenTheJvmStartsWithItAloneAndGlibcUntouched(String variable)
            throws IOException, InterruptedException {
        built();
        Path library = Files.writeString(checkout.resolve("libfake-malloc.so"), "");
        Launch launch = launch(Map.of(variable, library.toString()), true);
        assertEquals(0, launch.exitCode, launch.output);
        assertEquals("preload=[" + library + "] mmap-threshold=[] args=[-jar compare --help]", launch.javaLine());
    }

    @Test
    void givenAMissingLibrary_thenOneLineNamesItAndExitsTwo() throws IOException, InterruptedException {
        built();
        Launch launch = launch(Map.of("GEOTRANS_MALLOC", checkout.resolve("nowhere.so").toString()), true);
        assertEquals(2, launch.exitCode, launch.output);
        assertEquals("geotrans: GEOTRANS_MALLOC names " + checkout.resolve("nowhere.so") + ", which does not exist",
                launch.output.strip());
    }

    @Test
    void givenAnUnknownChoice_thenOneLineListsTheChoicesAndExitsTwo() throws IOException, InterruptedException {
        built();
        Launch launch = launch(Map.of("GEOTRANS_MALLOC", "jemalloc"), true);
        assertEquals(2, launch.exitCode, launch.output);
        assertEquals(1, launch.output.strip().lines().count(), launch.output);
        assertTrue(launch.output.contains("must be auto, tcmalloc, glibc or the absolute path of a library, not 'jemalloc'"),
                launch.output);
    }

    @Test
    void byDefault_thenTcmallocWhenInstalledElseGlibcKeepsFreedMemory() throws IOException, InterruptedException {
        built();
        Launch launch = launch(Map.of(), true);
        assertEquals(0, launch.exitCode, launch.output);
        String line = launch.javaLine();
        String preload = line.substring(line.indexOf('[') + 1, line.indexOf(']'));
        if (preload.isEmpty()) {
            assertTrue(line.startsWith("preload=[] mmap-threshold=[33554432]"), line);
        } else {
            assertTrue(preload.contains("tcmalloc") && Files.isRegularFile(Path.of(preload)), line);
            assertTrue(line.contains("mmap-threshold=[]"), line);
        }
    }

    @Test
    void givenNoTcmallocAndALongCommand_thenOneNoteSaysWhyItIsSlowerAndGlibcKeepsFreedMemory()
            throws IOException, InterruptedException {
        built();
        withoutTcmalloc();
        Launch launch = launch(Map.of(), List.of("compare", "--data", "d", "--normal-class", "c"));
        assertEquals(0, launch.exitCode, launch.output);
        assertTrue(launch.javaLine().startsWith("preload=[] mmap-threshold=[33554432]"), launch.output);
        List<String> notes = launch.output.lines().filter(l -> l.startsWith("geotrans: note:")).toList();
        assertEquals(1, notes.size(), launch.output);
        assertTrue(notes.get(0).contains("tcmalloc is not installed") && notes.get(0).contains("apt-get install libtcmalloc-minimal4"),
                notes.get(0));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"compare --help", "--version", "help", "auto"})
    void givenNoTcmalloc_thenHelpAndAnExplicitAutoStartWithoutTheNote(String how)
            throws IOException, InterruptedException {
        built();
        withoutTcmalloc();
        Launch launch = how.equals("auto")
                ? launch(Map.of("GEOTRANS_MALLOC", "auto"), List.of("train", "--data", "d"))
                : launch(Map.of(), List.of(how.split(" ")));
        assertEquals(0, launch.exitCode, launch.output);
        assertTrue(launch.javaLine().startsWith("preload=[] mmap-threshold=[33554432]"), launch.output);
        assertFalse(launch.output.contains("note:"), launch.output);
    }

    private void copyScript() throws IOException {
        Path script = Path.of("..", "bin", "geotrans").toAbsolutePath().normalize();
        Files.createDirectories(checkout.resolve("bin"));
        Files.copy(script, checkout.resolve("bin/geotrans"));
    }

    /** The copied launcher looks for tcmalloc only where it is not, as on a machine without it. */
    private void withoutTcmalloc() throws IOException {
        Path launcher = checkout.resolve("bin/geotrans");
        String script = Files.readString(launcher);
        int start = script.indexOf("tcmalloc_candidates=(");
        int end = script.indexOf(')', start);
        assertTrue(start >= 0 && end > start, "the launcher lists its tcmalloc candidates in one array");
        Files.writeString(launcher, script.substring(0, start) + "tcmalloc_candidates=(" + checkout.resolve("no/libtcmalloc.so.4")
                + script.substring(end));
    }

    /** A checkout with a (dummy) jar and a stand-in java that prints the allocator settings and its arguments. */
    private void built() throws IOException {
        copyScript();
        Files.createDirectories(checkout.resolve("adapters-cli/target"));
        Files.writeString(checkout.resolve("adapters-cli/target/geotrans-cli.jar"), "");
        Path java = checkout.resolve("fake-jdk/java");
        Files.createDirectories(java.getParent());
        Files.writeString(java, "#!/usr/bin/env bash\n"
                + "shift  # -Xmx\n"
                + "jar_flag=$1; shift 2\n"
                + "echo \"preload=[${LD_PRELOAD:-}] mmap-threshold=[${MALLOC_MMAP_THRESHOLD_:-}] args=[$jar_flag $*]\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private Launch launch(Map<String, String> env, boolean withStandInJava) throws IOException, InterruptedException {
        return withStandInJava ? launch(env, List.of("compare", "--help")) : launch(env, List.of("--help"), false);
    }

    private Launch launch(Map<String, String> env, List<String> arguments) throws IOException, InterruptedException {
        return launch(env, arguments, true);
    }

    private Launch launch(Map<String, String> env, List<String> arguments, boolean withStandInJava)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", checkout.resolve("bin/geotrans").toString()));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(k -> k.startsWith("MALLOC_") || k.equals("LD_PRELOAD") || k.startsWith("GEOTRANS_"));
        if (withStandInJava) {
            environment.put("PATH", checkout.resolve("fake-jdk") + ":" + environment.get("PATH"));
        }
        environment.putAll(env);
        Process p = builder.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Launch(p.waitFor(), output);
    }

    private record Launch(int exitCode, String output) {
        String javaLine() {
            return output.lines().filter(l -> l.startsWith("preload=")).findFirst().orElse("(java not started) " + output);
        }
    }
}
