package org.geotrans.it.weka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A temporary WEKA_HOME with the GeoTrans package installed by Weka's own package manager
 * (offline), and child JVMs whose class path is Weka alone: everything GeoTrans needs must come
 * from the installed package. Weka alone is weka-stable.jar plus the libraries that the official
 * weka.jar bundles and Maven's weka-stable declares as dependencies (bounce, java-cup, mtj, ...).
 */
final class WekaHome {
    /** Where weka-stable's own runtime dependencies lie in the local repository (mvn dependency:tree). */
    private static final List<String> WEKA_LIBRARIES = List.of("/com/github/vbmacher/", "/nz/ac/waikato/cms/weka/thirdparty/",
            "/com/googlecode/matrix-toolkits-java/", "/com/github/fommil/", "/net/sourceforge/f2j/",
            "/com/googlecode/netlib-java/", "/com/github/fracpete/", "/com/sun/istack/", "/jakarta/activation/",
            "/jakarta/xml/bind/", "/org/glassfish/jaxb/", "/com/sun/activation/", "/com/formdev/");

    private final Path home;
    private final String classPath;

    private WekaHome(Path home) {
        this.home = home;
        StringBuilder cp = new StringBuilder();
        for (Path jar : wekaJars()) {
            cp.append(cp.isEmpty() ? "" : java.io.File.pathSeparator).append(jar);
        }
        this.classPath = cp.toString();
    }

    /** weka.jar and its own libraries: what a Weka installation holds. */
    static List<Path> wekaJars() {
        List<Path> jars = new ArrayList<>(List.of(requiredFile("geotrans.weka.jar")));
        String testClassPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        for (String entry : testClassPath.split(java.io.File.pathSeparator)) {
            String path = entry.replace(java.io.File.separatorChar, '/');
            if (WEKA_LIBRARIES.stream().anyMatch(path::contains)) {
                jars.add(Path.of(entry));
            }
        }
        return jars;
    }

    /** The jar of the test class path whose path contains {@code fragment} (a Maven group's folder). */
    static Path testClassPathJar(String fragment) {
        String testClassPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        for (String entry : testClassPath.split(java.io.File.pathSeparator)) {
            if (entry.replace(java.io.File.separatorChar, '/').contains(fragment)) {
                return Path.of(entry);
            }
        }
        throw new AssertionError("no jar under " + fragment + " on the test class path");
    }

    static Path requiredFile(String property) {
        String value = System.getProperty(property);
        assertTrue(value != null && Files.isRegularFile(Path.of(value)),
                "system property " + property + " must name a file (set by the it module's pom), found " + value);
        return Path.of(value);
    }

    /** Installs the package zip into a fresh WEKA_HOME under {@code parent}. */
    static WekaHome install(Path parent) throws IOException, InterruptedException {
        Path zip = requiredFile("geotrans.weka.zip");
        WekaHome weka = new WekaHome(Files.createDirectories(parent.resolve("wekahome")));
        Result r = weka.java(120, "weka.core.WekaPackageManager", "-offline", "-install-package", zip.toString());
        assertEquals(0, r.exitCode(), "package installation failed:\n" + r.output());
        assertTrue(Files.isRegularFile(weka.home.resolve("packages/GeoTrans/Description.props")),
                "the package was not installed under " + weka.home + ":\n" + r.output());
        return weka;
    }

    Path home() {
        return home;
    }

    /** The output and exit code of a child JVM. */
    record Result(int exitCode, String output) {
    }

    /** Runs {@code mainClass args} in a JVM with weka.jar alone on the class path. */
    Result java(int timeoutSeconds, String mainClass, String... args) throws IOException, InterruptedException {
        return java(ChildJvm.PLAIN, timeoutSeconds, mainClass, args);
    }

    /**
     * How a child JVM differs from a plain Weka one: its working directory (where Weka looks for
     * DatabaseUtils.props), extra JVM options, and jars added to weka.jar's class path (a JDBC driver).
     */
    record ChildJvm(Path workingDirectory, List<String> jvmOptions, List<Path> extraJars) {
        static final ChildJvm PLAIN = new ChildJvm(null, List.of(), List.of());
    }

    /** Runs {@code mainClass args} in a child JVM set up as {@code jvm} says and waits for it. */
    Result java(ChildJvm jvm, int timeoutSeconds, String mainClass, String... args) throws IOException, InterruptedException {
        Path log = Files.createTempFile(home, "child-", ".log");
        Process child = start(jvm, log, mainClass, args);
        try {
            boolean finished = child.waitFor(timeoutSeconds, TimeUnit.SECONDS);
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertTrue(finished, "child JVM " + mainClass + " did not finish within " + timeoutSeconds + " s:\n" + output);
            return new Result(child.exitValue(), output);
        } finally {
            child.destroyForcibly();
        }
    }

    /** Starts {@code mainClass args} in the background, its output going to {@code log}; the caller stops it. */
    Process start(ChildJvm jvm, Path log, String mainClass, String... args) throws IOException {
        StringBuilder cp = new StringBuilder(classPath);
        jvm.extraJars().forEach(jar -> cp.append(java.io.File.pathSeparator).append(jar));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx3g", "-Djava.awt.headless=true", "-Djava.io.tmpdir=" + Files.createDirectories(home.resolve("tmp"))));
        command.addAll(jvm.jvmOptions());
        command.addAll(List.of("-cp", cp.toString(), mainClass));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        if (jvm.workingDirectory() != null) {
            builder.directory(jvm.workingDirectory().toFile());
        }
        builder.environment().put("WEKA_HOME", home.toString());
        return builder.start();
    }
}
