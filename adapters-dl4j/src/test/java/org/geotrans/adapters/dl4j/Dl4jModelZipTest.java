package org.geotrans.adapters.dl4j;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** Which ModelSerializer zips reach DL4J: a plain network's entries only, with its configuration. */
class Dl4jModelZipTest {
    @Test
    void givenAPlainNetworksEntries_thenItPasses() throws IOException {
        byte[] zip = zip("configuration.json", "coefficients.bin", "updaterState.bin");
        assertDoesNotThrow(() -> Dl4jModelZip.checkPlainNetwork(zip, "the model"));
    }

    @Test
    void givenAnEntryDl4jWouldDeserializeAsJavaObjects_thenItIsNamedAndRefused() throws IOException {
        byte[] zip = zip("configuration.json", "coefficients.bin", "objects/listener.bin");
        IOException e = assertThrows(IOException.class, () -> Dl4jModelZip.checkPlainNetwork(zip, "the model"));
        assertEquals("the model holds an unexpected entry 'objects/listener.bin'; refusing to load it", e.getMessage());
    }

    @Test
    void givenNoConfiguration_thenItIsRefused() throws IOException {
        byte[] zip = zip("coefficients.bin");
        IOException e = assertThrows(IOException.class, () -> Dl4jModelZip.checkPlainNetwork(zip, "the model"));
        assertEquals("the model holds no network configuration", e.getMessage());
    }

    private static byte[] zip(String... names) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (String name : names) {
                out.putNextEntry(new ZipEntry(name));
                out.write(1);
            }
        }
        return bytes.toByteArray();
    }
}
