package org.geotrans.adapters.weka;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.geotrans.domain.port.ClassifierBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackageDefaultsTest {
    @TempDir
    Path folder;

    private ClassifierBackend withDescription(String text) throws IOException {
        Files.writeString(folder.resolve("Description.props"), "PackageName=GeoTrans\nVersion=0.1.0\n" + text);
        return PackageDefaults.backendIn(folder);
    }

    @Test
    void givenTheLibtorchVariantsDescription_thenNewClassifiersDefaultToLibtorch() throws IOException {
        assertEquals(ClassifierBackend.LIBTORCH, withDescription(PackageDefaults.BACKEND_KEY + "=LIBTORCH\n"));
    }

    @Test
    void givenTheDefaultZipsDescription_thenDl4j() throws IOException {
        assertEquals(ClassifierBackend.DL4J, withDescription(PackageDefaults.BACKEND_KEY + "=DL4J\n"));
    }

    @Test
    void givenADescriptionWithoutTheLineOrWithAnUnknownBackend_thenDl4jWhichEveryZipCarries() throws IOException {
        assertEquals(ClassifierBackend.DL4J, withDescription(""));
        assertEquals(ClassifierBackend.DL4J, withDescription(PackageDefaults.BACKEND_KEY + "=TENSORFLOW\n"));
        assertEquals(ClassifierBackend.DL4J, withDescription(PackageDefaults.BACKEND_KEY + "=${weka.default.backend}\n"));
    }

    @Test
    void givenNoDescriptionOrNoPackage_thenDl4j() {
        assertEquals(ClassifierBackend.DL4J, PackageDefaults.backendIn(folder));
        assertEquals(ClassifierBackend.DL4J, PackageDefaults.backendIn(null));
        // these tests run from the build's classes, not from an installed package
        assertEquals(ClassifierBackend.DL4J, PackageDefaults.backend());
        assertEquals(ClassifierBackend.DL4J, new GeoTrans().getBackend());
    }

    @Test
    void theBackendIsWrittenIntoTheOptionsSoASavedExperimentKeepsItOnAnotherPackage() {
        java.util.List<String> options = java.util.List.of(new GeoTrans().getOptions());
        int at = options.indexOf("-backend");
        assertEquals("DL4J", at < 0 ? "no -backend in " + options : options.get(at + 1));
        java.util.List<String> svdd = java.util.List.of(new DeepSVDD().getOptions());
        assertEquals("DL4J", svdd.get(svdd.indexOf("-backend") + 1));
    }
}
