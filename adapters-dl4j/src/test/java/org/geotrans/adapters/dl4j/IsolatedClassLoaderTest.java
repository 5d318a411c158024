package org.geotrans.adapters.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.geotrans.domain.image.ImageShape;
import org.junit.jupiter.api.Test;

/**
 * Weka loads package jars through its own class loader, with a context class loader that does
 * not see them. Natives can only be loaded once per JVM, so this runs in a child JVM: the
 * adapter is loaded by a fresh URLClassLoader, the context loader is the platform loader, and
 * no -D flag is passed; the backend must still come up with oneDNN helpers and predict.
 */
class IsolatedClassLoaderTest {

    @Test
    void givenAPackageClassLoaderAndAForeignContextLoader_thenTheBackendStartsWithOneDnnAndPredicts() throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-Xmx1g", "-cp", classpath, Child.class.getName())
                .redirectErrorStream(true)
                .start();
        String output;
        try {
            boolean finished = child.waitFor(180, TimeUnit.SECONDS);
            output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(finished, "child JVM did not finish: " + output);
        } finally {
            child.destroyForcibly();
        }
        assertEquals(0, child.exitValue(), output);
        assertTrue(output.contains("RESULT helpers=true rows=6"), output);
    }

    /** Runs in the child JVM. */
    public static final class Child {
        public static void main(String[] args) throws Exception {
            List<URL> urls = new ArrayList<>();
            for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                urls.add(new File(entry).toURI().toURL());
            }
            try (URLClassLoader packageLoader = new URLClassLoader(urls.toArray(URL[]::new),
                    ClassLoader.getPlatformClassLoader())) {
                Thread.currentThread().setContextClassLoader(ClassLoader.getPlatformClassLoader());
                Class<?> inside = Class.forName(Inside.class.getName(), true, packageLoader);
                if (inside.getClassLoader() != packageLoader) {
                    throw new IllegalStateException("the adapter was not loaded by the package loader");
                }
                System.out.println("RESULT " + inside.getMethod("run").invoke(null));
            }
        }
    }

    /** Loaded by the package loader in the child JVM. */
    public static final class Inside {
        public static String run() throws IOException {
            Dl4jTransformationClassifierProvider provider = new Dl4jTransformationClassifierProvider();
            ImageShape shape = new ImageShape(8, 8, 3);
            Dl4jTransformationClassifier classifier = provider.untrained(TestData.tinySpec(shape, 3,
                    Dl4jTuning.DEFAULT.format()));
            float[] softmax = classifier.predictSoftmax(TestData.randomBatch(shape, 2, 1));
            return "helpers=" + provider.backendInfo().layerHelpers() + " rows=" + softmax.length;
        }
    }
}
