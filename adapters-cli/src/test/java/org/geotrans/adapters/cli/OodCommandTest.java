package org.geotrans.adapters.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ood command's options and bad input: each a usage error in one line, before any training. */
class OodCommandTest {
    @TempDir
    static Path tmp;
    static Path grey;
    static Path colour;

    @BeforeAll
    static void data() throws IOException {
        grey = TinyIdx.write(tmp, 6, 4);
        colour = colourFolder(tmp.resolve("colour"));
    }

    /** Two classes of 8x8 RGB PNGs in train/ and test/. */
    private static Path colourFolder(Path dir) throws IOException {
        for (String split : List.of("train", "test")) {
            for (String cls : List.of("red", "blue")) {
                Path folder = Files.createDirectories(dir.resolve(split).resolve(cls));
                for (int i = 0; i < 2; i++) {
                    BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
                    for (int p = 0; p < 64; p++) {
                        image.setRGB(p % 8, p / 8, cls.equals("red") ? 0xC01010 + i : 0x1010C0 + i);
                    }
                    ImageIO.write(image, "png", folder.resolve(i + ".png").toFile());
                }
            }
        }
        return dir;
    }

    private static Cli.Result ood(String... more) {
        List<String> args = new ArrayList<>(List.of("ood", "--in-data", grey.toString(), "--preset", "quick"));
        args.addAll(List.of(more));
        return Cli.run(args.toArray(String[]::new));
    }

    private static void assertUsageError(Cli.Result r, String expectedInMessage) {
        assertEquals(2, r.exitCode(), r.err());
        assertEquals(1, r.errLines().stream().filter(l -> !l.startsWith("[") && !l.startsWith("  ")).count(), r.err());
        assertTrue(r.lastErrLine().contains(expectedInMessage), r.lastErrLine());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
    }

    @Test
    void theCommandHasHelpNamingItsOptionsAndExitCodes() {
        Cli.Result r = Cli.run("ood", "--help");
        assertEquals(0, r.exitCode(), r.err());
        for (String expected : List.of("--in-data", "--in-classes", "--out-data", "--out-classes", "--max-test", "Exit codes")) {
            assertTrue(r.out().contains(expected), expected + " in " + r.out());
        }
        assertTrue(Cli.run("--help").out().contains("ood"));
    }

    @Test
    void givenNoOutOfDistributionData_thenUsageError() {
        assertUsageError(ood("--in-classes", "0,1"), "--out-data");
    }

    @Test
    void givenOneInClass_thenUsageError() {
        assertUsageError(ood("--in-classes", "0", "--out-data", grey.toString()), "at least two classes");
    }

    @Test
    void givenAnUnknownClass_thenUsageErrorListingTheClasses() {
        assertUsageError(ood("--in-classes", "0,zebra", "--out-data", grey.toString()), "Trouser");
    }

    @Test
    void givenOutClassesThatAreInDistribution_thenUsageError() {
        assertUsageError(ood("--in-classes", "0-1", "--out-data", grey.toString(), "--out-classes", "1-2"),
                "include in-distribution classes [Trouser]");
    }

    @Test
    void givenEveryClassInDistributionAndNoOtherData_thenUsageError() {
        assertUsageError(ood("--in-classes", "0-9", "--out-data", grey.toString()), "every class is in-distribution");
        // the tiny set has test images of classes 0..2 only
        assertUsageError(ood("--in-classes", "0-2", "--out-data", grey.toString()), "has no test image of classes [Dress");
    }

    @Test
    void givenColourImagesForAGreyNetwork_thenUsageErrorBeforeTraining() {
        assertUsageError(ood("--in-classes", "0-1", "--out-data", colour.toString()), "cannot be padded");
    }

    @Test
    void givenAPrecisionForDl4j_thenUsageError() {
        assertUsageError(ood("--in-classes", "0-1", "--out-data", grey.toString(), "--backend", "dl4j", "--precision", "fp32"),
                "--precision applies to the libtorch backend only");
    }

    @Test
    void givenOptionsThatDoNotApply_orOutOfBounds_thenUsageError() {
        assertUsageError(ood("--in-classes", "0-1", "--out-data", grey.toString(), "--held-out", "0.2"), "--held-out");
        assertUsageError(ood("--in-classes", "0-1", "--out-data", grey.toString(), "--max-test", "1"), "--max-test");
        assertUsageError(ood("--in-classes", "0-1", "--out-data", grey.toString(), "--depth", "11"), "6n + 4");
    }
}
