package org.geotrans.adapters.weka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Weka users loading colour JPEGs with subsampled chroma get the command line's note, on stderr. */
class ImageLoaderNoteTest {
    @TempDir
    Path tmp;

    /** A zip of train/ and test/ with one class of 3 images each, as ImageIO writes them (JPEG: 4:2:0). */
    private Path zip(String format) throws IOException {
        Path zip = tmp.resolve(format + ".zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (String split : new String[] {"train", "test"}) {
                for (int i = 0; i < 3; i++) {
                    BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
                    for (int p = 0; p < 64; p++) {
                        image.setRGB(p % 8, p / 8, (p * 11 + i * 37) * 0x010203 & 0xFFFFFF);
                    }
                    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                    assertTrue(ImageIO.write(image, format, bytes));
                    out.putNextEntry(new ZipEntry(split + "/a/" + i + "." + format));
                    out.write(bytes.toByteArray());
                    out.closeEntry();
                }
            }
        }
        return zip;
    }

    private static String stderrOfLoading(Path file) throws IOException {
        PrintStream saved = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            ImageDatasetLoader loader = new ImageDatasetLoader();
            loader.setSource(file.toFile());
            assertEquals(3, loader.getDataSet().numInstances());
        } finally {
            System.setErr(saved);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Test
    void givenSubsampledJpegs_thenTheLoaderNotesIt() throws IOException {
        String err = stderrOfLoading(zip("jpg"));
        assertTrue(err.contains("GeoTrans image loader: note: 3 of the 3 training images are JPEGs with subsampled colour"),
                err);
    }

    @Test
    void givenPngs_thenItSaysNothing() throws IOException {
        assertFalse(stderrOfLoading(zip("png")).contains("note:"));
    }
}
