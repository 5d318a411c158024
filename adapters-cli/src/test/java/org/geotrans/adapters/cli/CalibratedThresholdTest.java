package org.geotrans.adapters.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.geotrans.domain.RequiredData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The calibrated threshold on real data and the real network (simple8, WRN-10-1, one epoch): set
 * at a 5 % false-alarm rate on 200 held-out training trousers, it flags about 5 % of the test
 * set's trousers, which the network never saw either. The bounds are about three standard
 * deviations of the two samples' binomial noise. Skipped without Fashion-MNIST, failed without
 * it under CI=true.
 */
class CalibratedThresholdTest {
    private static final Pattern RATE = Pattern.compile("false-alarm rate ([0-9.]+) \\((\\d+) of (\\d+)");

    @TempDir
    Path tmp;

    @Test
    void theThresholdFlagsAboutTheTargetShareOfUnseenNormalImagesAndAGivenThresholdOverridesIt() throws Exception {
        Path fashion = RequiredData.fashionMnist();
        Path model = tmp.resolve("trouser.geotrans");
        Cli.Result train = Cli.run(new CliModule(), "train", "--data", fashion.toString(), "--normal-class", "trouser",
                "--preset", "quick", "--transforms", "simple8", "--max-train", "600", "--calibration-share", "0.34",
                "--model", model.toString());
        assertEquals(0, train.exitCode(), train.err());
        assertTrue(train.out().contains("false-alarm rate of 0.05 on 204 normal images"), train.out());

        Cli.Result score = Cli.run(new CliModule(), "score", "--model", model.toString(), "--data", fashion.toString(),
                "--max-test", "3000", "--normal-class", "trouser", "--out", tmp.resolve("s").toString());
        assertEquals(0, score.exitCode(), score.err());
        Matcher m = RATE.matcher(score.out());
        assertTrue(m.find(), score.out());
        double rate = Double.parseDouble(m.group(1));
        assertTrue(Integer.parseInt(m.group(3)) > 250, "test trousers: " + m.group(3));
        assertTrue(rate >= 0.01 && rate <= 0.12, "false-alarm rate on the test trousers " + rate + ", target 0.05:\n"
                + score.out());
        List<String> rows = Files.readAllLines(tmp.resolve("s/scores.csv"));
        assertEquals("index,label,class,dirichlet,simplified,decision", rows.get(0));
        long flaggedTrousers = rows.stream().skip(1).filter(r -> r.contains(",Trouser,") && r.endsWith(",anomaly")).count();
        assertEquals(Integer.parseInt(m.group(2)), flaggedTrousers, "the CSV's decisions are the reported ones");

        Cli.Result lenient = Cli.run(new CliModule(), "score", "--model", model.toString(), "--data", fashion.toString(),
                "--max-test", "3000", "--normal-class", "trouser", "--threshold", "-1e300", "--out",
                tmp.resolve("o").toString());
        assertEquals(0, lenient.exitCode(), lenient.err());
        assertTrue(lenient.out().contains("false-alarm rate 0.0000 (0 of"), lenient.out());
        assertTrue(lenient.out().contains("detection rate 0.0000"), lenient.out());
    }
}
