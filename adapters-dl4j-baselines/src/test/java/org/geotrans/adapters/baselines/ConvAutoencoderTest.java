package org.geotrans.adapters.baselines;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.geotrans.domain.image.Image;
import org.geotrans.domain.image.ImageShape;
import org.geotrans.domain.metrics.RankingMetrics;
import org.geotrans.domain.port.BaselineTraining;
import org.geotrans.domain.port.ProgressListener;
import org.geotrans.domain.port.TrainerDeterminismCheck;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * CAE-OC-SVM's autoencoder on real Fashion-MNIST: its codes of trousers lie together, away from
 * the other classes' (scored here by the distance to the training codes' mean; the One-Class SVM
 * on the codes is the one-vs-all use case's, tested end to end in the CLI).
 */
class ConvAutoencoderTest {
    private static FashionMnist test;
    private static List<Image> trousers;
    private static Dl4jImageEncoder trained;
    private static float[][] codes;

    @BeforeAll
    static void trainOnTrousers() throws IOException {
        trousers = FashionMnist.train(1500).ofClass(FashionMnist.TROUSER);
        test = FashionMnist.test(300);
        trained = new Dl4jAutoencoderTrainer().train(trousers, new BaselineTraining(3, 32, 1e-3, 0, 5), ProgressListener.SILENT);
        codes = trained.encode(test.images(), ProgressListener.SILENT);
    }

    @Test
    void trouserCodesLieTogetherAwayFromTheOtherClasses() {
        float[][] train = trained.encode(trousers, ProgressListener.SILENT);
        double[] mean = new double[trained.codeLength()];
        for (float[] c : train) {
            for (int f = 0; f < mean.length; f++) {
                mean[f] += c[f] / (double) train.length;
            }
        }
        double[] scores = new double[codes.length];
        for (int i = 0; i < codes.length; i++) {
            for (int f = 0; f < mean.length; f++) {
                scores[i] -= (codes[i][f] - mean[f]) * (codes[i][f] - mean[f]);
            }
        }
        double auroc = RankingMetrics.auroc(scores, test.is(FashionMnist.TROUSER));
        assertTrue(auroc > 0.85, "AUROC " + auroc + " on " + trousers.size() + " training images");
    }

    @Test
    void codesAre256TanhValuesPerImage() {
        assertEquals(test.images().size(), codes.length);
        for (float[] c : codes) {
            assertEquals(256, c.length);
            for (float v : c) {
                assertTrue(v >= -1 && v <= 1, "tanh range: " + v);
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameCodes() {
        List<Image> few = trousers.subList(0, 40);
        TrainerDeterminismCheck.assertSameCodes(new Dl4jAutoencoderTrainer(), few,
                new BaselineTraining(1, 16, 1e-3, 0, 9));
    }

    @Test
    void savedAndLoadedItEncodesAlike() {
        Dl4jImageEncoder loaded = Dl4jImageEncoder.fromBytes(trained.toBytes());
        float[][] again = loaded.encode(test.images(), ProgressListener.SILENT);
        for (int i = 0; i < codes.length; i++) {
            assertArrayEquals(codes[i], again[i]);
        }
        assertEquals(trained.describe(), loaded.describe());
    }

    @Test
    void savedBytesWhoseZipHoldsMoreThanAPlainNetwork_areRefusedBeforeDl4jReadsThem() throws IOException {
        byte[] saved = trained.toBytes();
        int header = 5 * Integer.BYTES; // format, height, width, channels, epochs
        ByteArrayOutputStream tampered = new ByteArrayOutputStream();
        tampered.write(saved, 0, header);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(saved, header, saved.length - header));
             ZipOutputStream out = new ZipOutputStream(tampered)) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                in.transferTo(out);
            }
            // where ModelSerializer would look for a normalizer, read with Java deserialization
            out.putNextEntry(new ZipEntry("normalizer.bin"));
            out.write(new byte[] {(byte) 0xAC, (byte) 0xED, 0, 5});
        }

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Dl4jImageEncoder.fromBytes(tampered.toByteArray()));
        assertEquals("damaged autoencoder: the DL4J network after the header holds an unexpected entry "
                + "'normalizer.bin'; refusing to load it", e.getMessage());
    }

    @Test
    void shapesItCannotHalveDownTo4AreRefusedBeforeTraining() {
        List<Image> odd = List.of(new Image(new ImageShape(28, 28, 1), new float[784]),
                new Image(new ImageShape(28, 28, 1), new float[784]));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Dl4jAutoencoderTrainer()
                .train(odd, BaselineTraining.autoencoder(1, 0), ProgressListener.SILENT));
        assertEquals("the convolutional autoencoder needs square images with a side of 4 x 2^n (8, 16, 32, 64, ...), "
                + "got 28x28x1", e.getMessage());
    }
}
