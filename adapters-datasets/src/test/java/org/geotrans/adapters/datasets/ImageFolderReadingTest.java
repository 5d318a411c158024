package org.geotrans.adapters.datasets;

import static org.geotrans.adapters.datasets.IdxReadingTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.geotrans.domain.data.Dataset;
import org.geotrans.domain.data.DatasetFormat;
import org.geotrans.domain.data.LabeledImages;
import org.geotrans.domain.image.Image;
import org.geotrans.domain.image.ImageShape;
import org.geotrans.domain.port.ProgressStage;
import org.geotrans.domain.port.TrainingProgress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImageFolderReadingTest {
    @TempDir
    Path dir;

    private final FileDatasetSource source = new FileDatasetSource();

    /** Three classes named out of order, 5x5 colour PNGs whose pattern varies with the entry. */
    private static Map<String, byte[]> colourPngs() throws IOException {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("train/zebra/2.png", png(Fixtures.colourImage(5, 5)));
        m.put("train/ant/1.png", png(shifted(Fixtures.colourImage(5, 5), 1)));
        m.put("train/ant/0.png", png(shifted(Fixtures.colourImage(5, 5), 2)));
        m.put("train/moth/9.png", png(shifted(Fixtures.colourImage(5, 5), 3)));
        m.put("test/moth/0.png", png(shifted(Fixtures.colourImage(5, 5), 4)));
        m.put("test/ant/5.png", png(shifted(Fixtures.colourImage(5, 5), 5)));
        return m;
    }

    private static byte[] png(BufferedImage img) throws IOException {
        return Fixtures.encode(img, "png");
    }

    /** Adds {@code k} to every red value, so images can be told apart. */
    private static BufferedImage shifted(BufferedImage img, int k) {
        for (int r = 0; r < img.getHeight(); r++) {
            for (int c = 0; c < img.getWidth(); c++) {
                img.setRGB(c, r, img.getRGB(c, r) + (k << 16));
            }
        }
        return img;
    }

    private static void assertColourPattern(Image img, int k) {
        for (int r = 0; r < 5; r++) {
            for (int c = 0; c < 5; c++) {
                assertEquals(r * 20 + k, img.value(r, c, 0), 0, "red at " + r + "," + c);
                assertEquals(c * 20, img.value(r, c, 1), 0, "green at " + r + "," + c);
                assertEquals(255 - r * 10 - c, img.value(r, c, 2), 0, "blue at " + r + "," + c);
            }
        }
    }

    @Test
    void givenAFolderOfPngs_thenClassesAndImagesAreSortedAndPixelsAreHwc() throws IOException {
        Path root = Fixtures.folder(dir.resolve("pngs"), colourPngs());

        Dataset d = source.read(root, DatasetFormat.AUTO);

        assertEquals(List.of("ant", "moth", "zebra"), d.train().classNames());
        assertEquals(new ImageShape(5, 5, 3), d.train().shape());
        assertArrayEquals(new int[] {0, 0, 1, 2}, d.train().labels());
        assertArrayEquals(new int[] {0, 1}, d.test().labels());
        int[] trainShifts = {2, 1, 3, 0};
        for (int i = 0; i < 4; i++) {
            assertColourPattern(d.train().image(i), trainShifts[i]);
        }
        assertColourPattern(d.test().image(0), 5);
        assertColourPattern(d.test().image(1), 4);
    }

    @Test
    void givenTheSameImagesInAZip_thenTheDatasetIsTheSameAsFromTheFolder() throws IOException {
        Dataset fromFolder = source.read(Fixtures.folder(dir.resolve("pngs"), colourPngs()), DatasetFormat.AUTO);

        Dataset fromZip = source.read(Fixtures.zip(dir.resolve("pngs.zip"), colourPngs()), DatasetFormat.AUTO);

        assertEquals(fromFolder.train().images(), fromZip.train().images());
        assertEquals(fromFolder.test().images(), fromZip.test().images());
        assertArrayEquals(fromFolder.train().labels(), fromZip.train().labels());
        assertEquals(fromFolder.train().classNames(), fromZip.train().classNames());
        assertEquals("pngs.zip", fromZip.name());
    }

    @Test
    void givenAZipWithAnEnclosingFolderAndJunk_thenOnlyTheImagesUnderItAreRead() throws IOException {
        Map<String, byte[]> m = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> e : colourPngs().entrySet()) {
            m.put("data/set/" + e.getKey(), e.getValue());
        }
        m.put("data/set/README.txt", "hello".getBytes());
        m.put("data/set/train/ant/notes.txt", "not an image".getBytes());
        m.put("__MACOSX/data/set/train/ant/._0.png", "resource fork".getBytes());
        m.put("data/set/train/ant/.hidden.png", "not an image either".getBytes());

        Dataset d = source.read(Fixtures.zip(dir.resolve("nested.zip"), m), DatasetFormat.IMAGE_FOLDER);

        assertEquals(4, d.train().size());
        assertEquals(2, d.test().size());
    }

    @Test
    void givenExactlyTheCifar10Classes_thenTheOfficialOrderIsKept() throws IOException {
        Map<String, byte[]> m = new LinkedHashMap<>();
        byte[] img = png(Fixtures.colourImage(4, 4));
        for (String name : CifarBinaryReader.CIFAR10_NAMES) {
            m.put("train/" + name + "/0.png", img);
            m.put("test/" + name + "/0.png", img);
        }

        Dataset d = source.read(Fixtures.zip(dir.resolve("c10.zip"), m), DatasetFormat.AUTO);

        assertEquals(CifarBinaryReader.CIFAR10_NAMES, d.train().classNames());
        // sorted entry names: airplane, automobile, bird, cat, deer, dog, frog, horse, ship, truck
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, d.train().labels());
    }

    @Test
    void givenAGreyFirstImage_thenAllImagesHaveOneChannelAndColourIsConvertedToLuma() throws IOException {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("train/a/0.png", png(Fixtures.greyImage(4, 4, 7)));
        BufferedImage colour = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        fill(colour, new Color(200, 100, 50));
        m.put("train/b/0.png", png(colour));
        m.put("test/a/0.png", png(Fixtures.greyImage(4, 4, 9)));

        Dataset d = source.read(Fixtures.folder(dir.resolve("grey"), m), DatasetFormat.AUTO);

        assertEquals(new ImageShape(4, 4, 1), d.train().shape());
        assertEquals(7 + 2 * 16 + 3, d.train().image(0).value(2, 3, 0), 0);
        assertEquals(9 + 3 * 16 + 1, d.test().image(0).value(3, 1, 0), 0);
        assertEquals(Math.round(0.299 * 200 + 0.587 * 100 + 0.114 * 50), d.train().image(1).value(1, 1, 0), 0);
    }

    @Test
    void givenAColourFirstImage_thenGreyImagesAreRepeatedOverThreeChannels() throws IOException {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("train/a/0.png", png(Fixtures.colourImage(4, 4)));
        m.put("train/b/0.png", png(Fixtures.greyImage(4, 4, 3)));
        m.put("test/b/0.png", png(Fixtures.greyImage(4, 4, 3)));

        Dataset d = source.read(Fixtures.folder(dir.resolve("mixed"), m), DatasetFormat.AUTO);

        assertEquals(3, d.train().shape().channels());
        Image grey = d.train().image(1);
        for (int ch = 0; ch < 3; ch++) {
            assertEquals(3 + 16 + 2, grey.value(1, 2, ch), 0);
        }
    }

    @Test
    void givenJpegs_thenColoursSurviveWithinJpegLoss() throws IOException {
        BufferedImage img = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        fill(img, new Color(220, 40, 90));
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("train/x/0.jpg", Fixtures.encode(img, "jpg"));
        m.put("test/x/0.JPEG", Fixtures.encode(img, "jpg"));

        Dataset d = source.read(Fixtures.zip(dir.resolve("jpg.zip"), m), DatasetFormat.AUTO);

        assertEquals(new ImageShape(16, 16, 3), d.test().shape());
        Image read = d.test().image(0);
        assertEquals(220, read.value(8, 8, 0), 6);
        assertEquals(40, read.value(8, 8, 1), 6);
        assertEquals(90, read.value(8, 8, 2), 6);
    }

    @Test
    void givenTrainingJpegsWithSubsampledColour_thenTheDatasetSaysHowManyAndWhy() throws IOException {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("train/a/0.jpg", ChromaSubsamplingTest.colourJpeg(false));
        m.put("train/a/1.jpg", ChromaSubsamplingTest.colourJpeg(true));
        m.put("train/b/0.png", png(Fixtures.colourImage(32, 32)));
        m.put("train/b/1.jpg", ChromaSubsamplingTest.colourJpeg(false));
        m.put("test/a/0.jpg", ChromaSubsamplingTest.colourJpeg(false));
        m.put("test/b/0.jpg", ChromaSubsamplingTest.colourJpeg(false));

        Dataset d = source.read(Fixtures.folder(dir.resolve("mixed"), m), DatasetFormat.AUTO);

        assertEquals(1, d.notes().size(), d.notes().toString());
        assertTrue(d.notes().get(0).startsWith("2 of the 4 training images are JPEGs with subsampled colour"),
                d.notes().get(0));
        assertTrue(d.notes().get(0).contains("mirrored"), d.notes().get(0));
    }

    @Test
    void givenPngsOrFullResolutionColourJpegs_thenThereIsNoNote() throws IOException {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("train/a/0.jpg", ChromaSubsamplingTest.colourJpeg(true));
        m.put("train/b/0.png", png(Fixtures.colourImage(32, 32)));
        m.put("test/a/0.jpg", ChromaSubsamplingTest.colourJpeg(false)); // the test images teach the network nothing

        assertEquals(List.of(), source.read(Fixtures.folder(dir.resolve("clean"), m), DatasetFormat.AUTO).notes());
    }

    @Test
    void givenGreyImagesFirst_thenSubsampledColourJpegsReadAsLumaGiveNoNote() throws IOException {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("train/a/0.png", png(Fixtures.greyImage(32, 32, 5)));
        m.put("train/a/1.jpg", ChromaSubsamplingTest.colourJpeg(false));
        m.put("test/a/0.png", png(Fixtures.greyImage(32, 32, 9)));

        Dataset d = source.read(Fixtures.folder(dir.resolve("grey"), m), DatasetFormat.AUTO);

        assertEquals(1, d.train().shape().channels());
        assertEquals(List.of(), d.notes());
    }

    /** 32 wide, 16 high: red left quarter, white right quarter, the middle half green above and blue below. */
    private static BufferedImage wideBlocks() {
        BufferedImage img = new BufferedImage(32, 16, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, 8, 16);
        g.setColor(Color.WHITE);
        g.fillRect(24, 0, 8, 16);
        g.setColor(Color.GREEN);
        g.fillRect(8, 0, 16, 8);
        g.setColor(Color.BLUE);
        g.fillRect(8, 8, 16, 8);
        g.dispose();
        return img;
    }

    private static BufferedImage transposed(BufferedImage in) {
        BufferedImage out = new BufferedImage(in.getHeight(), in.getWidth(), BufferedImage.TYPE_INT_RGB);
        for (int r = 0; r < in.getHeight(); r++) {
            for (int c = 0; c < in.getWidth(); c++) {
                out.setRGB(r, c, in.getRGB(c, r));
            }
        }
        return out;
    }

    @Test
    void givenWideAndTallImages_thenTheShorterSideIsScaledAndTheCentreKept() throws IOException {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("train/a/0.png", png(wideBlocks()));
        m.put("test/a/0.png", png(transposed(wideBlocks())));

        Dataset d = source.withImageSize(8).read(Fixtures.folder(dir.resolve("blocks"), m), DatasetFormat.AUTO);

        assertEquals(new ImageShape(8, 8, 3), d.train().shape());
        Image wide = d.train().image(0);
        Image tall = d.test().image(0);
        for (int a = 0; a < 8; a++) {
            for (int b = 0; b < 8; b++) {
                float[] expected = a < 4 ? new float[] {0, 255, 0} : new float[] {0, 0, 255};
                assertArrayEquals(expected, rgb(wide, a, b), 0, "wide at row " + a + ", col " + b);
                assertArrayEquals(expected, rgb(tall, b, a), 0, "tall at row " + b + ", col " + a);
            }
        }
    }

    private static float[] rgb(Image img, int r, int c) {
        return new float[] {img.value(r, c, 0), img.value(r, c, 1), img.value(r, c, 2)};
    }

    @Test
    void givenANonSquareFirstImageAndNoSize_thenImagesAre64Square() throws IOException {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("train/a/0.png", png(wideBlocks()));
        m.put("test/a/0.png", png(Fixtures.colourImage(5, 5)));

        Dataset d = source.read(Fixtures.folder(dir.resolve("blocks"), m), DatasetFormat.AUTO);

        assertEquals(new ImageShape(64, 64, 3), d.test().shape());
    }

    @Test
    void givenMoreImagesThanOneChunk_thenAnyThreadCountGivesTheSameOrder() throws IOException {
        Map<String, byte[]> m = new LinkedHashMap<>();
        for (int i = 0; i < 300; i++) {
            BufferedImage img = Fixtures.greyImage(3, 3, i);
            m.put(String.format("train/c%d/%03d.png", i % 3, i), png(img));
        }
        m.put("test/c0/0.png", png(Fixtures.greyImage(3, 3, 0)));
        Path zip = Fixtures.zip(dir.resolve("many.zip"), m);

        Dataset one = source.withThreads(1).read(zip, DatasetFormat.AUTO);
        Dataset four = source.withThreads(4).read(zip, DatasetFormat.AUTO);

        assertEquals(one.train().images(), four.train().images());
        assertArrayEquals(one.train().labels(), four.train().labels());
        // sorted by entry name: all of c0 first, then c1, then c2
        assertEquals(0, one.train().image(0).value(0, 0, 0), 0);
        assertEquals(1, one.train().image(100).value(0, 0, 0), 0);
        assertEquals(299 % 256, one.train().image(299).value(0, 0, 0), 0);
    }

    @Test
    void progressReportsEveryImageByTheEnd() throws IOException {
        List<TrainingProgress> seen = new ArrayList<>();

        source.withProgress(seen::add).read(Fixtures.zip(dir.resolve("p.zip"), colourPngs()), DatasetFormat.AUTO);

        assertTrue(seen.stream().anyMatch(p -> p.stage() == ProgressStage.READ_TRAIN && p.done() == 4 && p.total() == 4));
        assertTrue(seen.stream().anyMatch(p -> p.stage() == ProgressStage.READ_TEST && p.done() == 2 && p.total() == 2));
    }

    /** Cut in the headers ImageIO fails; cut in the scan data it only warns and fills grey, which must fail too. */
    @ParameterizedTest(name = "kept {0}%")
    @ValueSource(ints = {30, 90})
    void givenATruncatedJpegInAZip_thenTheEntryIsNamed(int keptPercent) throws IOException {
        Map<String, byte[]> m = colourPngs();
        byte[] jpeg = Fixtures.encode(Fixtures.colourImage(32, 32), "jpg");
        m.put("train/moth/broken.jpg", Arrays.copyOf(jpeg, jpeg.length * keptPercent / 100));

        IOException e = assertThrows(IOException.class,
                () -> source.read(Fixtures.zip(dir.resolve("bad.zip"), m), DatasetFormat.AUTO));

        assertMessage(e, "bad.zip!train/moth/broken.jpg", "corrupt");
        assertEquals(null, e.getCause(), "ImageIO internals stay out of the report");
    }

    @Test
    void givenGarbageNamedPng_thenTheFileIsNamed() throws IOException {
        Map<String, byte[]> m = colourPngs();
        m.put("test/ant/6.png", "definitely not a PNG".getBytes());

        IOException e = assertThrows(IOException.class,
                () -> source.read(Fixtures.folder(dir.resolve("bad"), m), DatasetFormat.AUTO));

        assertMessage(e, Path.of("bad", "test", "ant", "6.png").toString(), "not an image");
    }

    @Test
    void givenAPngCutShort_thenTheFileIsNamed() throws IOException {
        Map<String, byte[]> m = colourPngs();
        byte[] p = png(Fixtures.colourImage(20, 20));
        m.put("test/ant/6.png", Arrays.copyOf(p, 40));

        IOException e = assertThrows(IOException.class,
                () -> source.read(Fixtures.zip(dir.resolve("cut.zip"), m), DatasetFormat.AUTO));

        assertMessage(e, "cut.zip!test/ant/6.png");
    }

    @Test
    void givenAZipWithoutTrainOrTestFolders_thenItSaysWhatIsExpected() throws IOException {
        Map<String, byte[]> m = Map.of("images/a/0.png", png(Fixtures.colourImage(4, 4)));

        IOException e = assertThrows(IOException.class,
                () -> source.read(Fixtures.zip(dir.resolve("flat.zip"), m), DatasetFormat.AUTO));

        assertMessage(e, "flat.zip", "train/<class>/");
    }

    @Test
    void givenTwoDatasetsInOneZip_thenItRefusesToGuess() throws IOException {
        Map<String, byte[]> m = new LinkedHashMap<>();
        byte[] img = png(Fixtures.colourImage(4, 4));
        m.put("one/train/a/0.png", img);
        m.put("two/test/a/0.png", img);

        IOException e = assertThrows(IOException.class,
                () -> source.read(Fixtures.zip(dir.resolve("two.zip"), m), DatasetFormat.AUTO));

        assertMessage(e, "two.zip", "one/", "two/");
    }

    @Test
    void givenAFileThatOnlyLooksLikeAZip_thenItIsNamed() throws IOException {
        Path fake = dir.resolve("fake.zip");
        Files.write(fake, new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0, 9, 9, 9});

        IOException e = assertThrows(IOException.class, () -> source.read(fake, DatasetFormat.AUTO));

        assertMessage(e, "fake.zip", "not a readable zip");
    }

    @Test
    void givenAnEmptyTestSplit_thenTheTestSetIsEmptyWithTheSameClasses() throws IOException {
        Map<String, byte[]> m = Map.of("train/a/0.png", png(Fixtures.colourImage(4, 4)));
        Path root = Fixtures.folder(dir.resolve("onlytrain"), m);
        Files.createDirectories(root.resolve("test"));

        LabeledImages test = source.read(root, DatasetFormat.AUTO).test();

        assertEquals(0, test.size());
        assertEquals(List.of("a"), test.classNames());
        assertFalse(test.shape().channels() == 0);
    }

    private static void fill(BufferedImage img, Color colour) {
        Graphics2D g = img.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.dispose();
    }
}
