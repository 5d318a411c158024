package org.geotrans.adapters.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A user training on colour JPEGs with subsampled chroma is told, once, what that costs the flips. */
class SubsampledJpegNoteTest {
    @TempDir
    Path tmp;

    /** Two classes of 6 training and 2 test images, in ImageIO's format: JPEG is 4:2:0, PNG lossless. */
    private Path folder(String format) throws IOException {
        Path root = tmp.resolve(format);
        for (String split : new String[] {"train", "test"}) {
            for (String cls : new String[] {"a", "b"}) {
                Path dir = Files.createDirectories(root.resolve(split).resolve(cls));
                for (int i = 0; i < (split.equals("train") ? 6 : 2); i++) {
                    BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
                    for (int p = 0; p < 256; p++) {
                        image.setRGB(p % 16, p / 16, (p * 7 + i * 31 + cls.charAt(0)) * 0x010305 & 0xFFFFFF);
                    }
                    assertTrue(ImageIO.write(image, format, root.resolve(split).resolve(cls).resolve(i + "." + format)
                            .toFile()));
                }
            }
        }
        return root;
    }

    private Cli.Result train(Path data) {
        return Cli.run("train", "--data", data.toString(), "--normal-class", "a", "--preset", "quick", "--transforms",
                "simple8", "--calibration-share", "0", "--model", tmp.resolve(data.getFileName() + ".geotrans").toString());
    }

    @Test
    void givenSubsampledJpegs_thenTrainingSaysSoInOneNoteAndGoesOn() throws IOException {
        Cli.Result r = train(folder("jpg"));

        assertEquals(0, r.exitCode(), r.err());
        assertEquals(1, r.errLines().stream().filter(l -> l.contains("note: ")).count(), r.err());
        assertTrue(r.err().contains("note: 12 of the 12 training images are JPEGs with subsampled colour"), r.err());
    }

    @Test
    void givenPngs_thenThereIsNoNote() throws IOException {
        Cli.Result r = train(folder("png"));

        assertEquals(0, r.exitCode(), r.err());
        assertFalse(r.err().contains("note: "), r.err());
    }
}
