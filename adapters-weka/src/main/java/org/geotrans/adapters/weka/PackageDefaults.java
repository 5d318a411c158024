package org.geotrans.adapters.weka;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Properties;
import org.geotrans.domain.port.ClassifierBackend;

/**
 * What the installed package says about its defaults: the {@value #BACKEND_KEY} line of the
 * Description.props beside geotrans-weka.jar. The default zip carries Deeplearning4j only and says
 * DL4J; the weka-libtorch zip adds libtorch's natives and says LIBTORCH, the faster backend (README,
 * "The default backend"). Outside an installed package (tests, a jar on Weka's class path) it is
 * DL4J, which every package carries.
 */
final class PackageDefaults {
    static final String BACKEND_KEY = "GeoTransDefaultBackend";
    private static final ClassifierBackend BACKEND = backendIn(packageFolder());

    private PackageDefaults() {
    }

    /** The backend new classifiers train on unless -backend says otherwise. */
    static ClassifierBackend backend() {
        return BACKEND;
    }

    /** The default named by {@code folder}/Description.props; DL4J when it is missing, unreadable or names none. */
    static ClassifierBackend backendIn(Path folder) {
        if (folder == null) {
            return ClassifierBackend.DL4J;
        }
        Path description = folder.resolve("Description.props");
        if (!Files.isRegularFile(description)) {
            return ClassifierBackend.DL4J;
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(description)) {
            properties.load(in);
            return ClassifierBackend.parse(properties.getProperty(BACKEND_KEY, ClassifierBackend.DL4J.id()));
        } catch (IOException | IllegalArgumentException e) {
            // a package edited by hand must still load: its classifiers fall back to the backend every zip has
            return ClassifierBackend.DL4J;
        }
    }

    /** The folder of the jar this class came from, or null when it is not a jar (classes in a build). */
    private static Path packageFolder() {
        try {
            CodeSource source = PackageDefaults.class.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null) {
                return null;
            }
            Path location = Path.of(source.getLocation().toURI());
            return Files.isRegularFile(location) ? location.getParent() : null;
        } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
            return null;
        }
    }
}
