package org.geotrans.adapters.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * --dirichlet-clip: the clipping a detector's Dirichlet fit and score use, stored in the model,
 * part of what a resumed run must share, refused where no Dirichlet is fitted.
 */
class DirichletClipTest {
    @TempDir
    Path tmp;

    @Test
    void givenAClip_thenTheSavedModelFitsAndScoresWithIt() throws IOException {
        Path data = TinyIdx.write(tmp, 8, 4);
        Path clipped = tmp.resolve("clipped.geotrans");
        Path plain = tmp.resolve("plain.geotrans");
        String[] common = {"--data", data.toString(), "--normal-class", "pullover", "--preset", "quick", "--transforms",
            "simple8"};
        Cli.Result a = Cli.run(Cli.concat(new String[] {"train", "--dirichlet-clip", "1e-30", "--model", clipped.toString()},
                common));
        assertEquals(0, a.exitCode(), a.err());
        Cli.Result b = Cli.run(Cli.concat(new String[] {"train", "--model", plain.toString()}, common));
        assertEquals(0, b.exitCode(), b.err());
        assertEquals("1.0E-30", entry(clipped, "geotrans.properties").getProperty("dirichlet-clipping-epsilon"));
        assertEquals("1.0E-12", entry(plain, "geotrans.properties").getProperty("dirichlet-clipping-epsilon"));
    }

    @Test
    void givenAClipToCompare_thenItsDetectorsUseIt_andAResumeWithAnotherClipIsAUsageError() throws IOException {
        Path data = TinyIdx.write(tmp, 6, 4);
        Path out = tmp.resolve("run");
        String[] common = {"compare", "--data", data.toString(), "--normal-class", "0", "--preset", "quick",
            "--transforms", "simple8", "--max-test", "8", "--out", out.toString()};
        Cli.Result first = Cli.run(Cli.concat(common, new String[] {"--dirichlet-clip", "1e-20", "--keep-models"}));
        assertEquals(0, first.exitCode(), first.err());
        try (var models = Files.list(out.resolve("models"))) {
            Path model = models.findFirst().orElseThrow();
            assertEquals("1.0E-20", entry(model, "geotrans.properties").getProperty("dirichlet-clipping-epsilon"));
        }
        Cli.Result resumed = Cli.run(Cli.concat(common, new String[] {"--resume"}));
        assertEquals(2, resumed.exitCode(), resumed.err());
        assertTrue(resumed.lastErrLine().contains("different dirichlet clip: 1.0E-20 there, none now"), resumed.err());
        Cli.Result same = Cli.run(Cli.concat(common, new String[] {"--dirichlet-clip", "1e-20", "--resume"}));
        assertEquals(0, same.exitCode(), same.err());
    }

    @Test
    void givenAClipOutOfRange_thenAUsageErrorBeforeAnyDataIsRead() {
        for (String value : List.of("0", "-1e-12", "0.01", "NaN")) {
            Cli.Result r = Cli.run("train", "--data", tmp.resolve("nowhere").toString(), "--normal-class", "0",
                    "--dirichlet-clip", value, "--model", tmp.resolve("m.geotrans").toString());
            assertEquals(2, r.exitCode(), value + ": " + r.err());
            assertTrue(r.lastErrLine().contains("--dirichlet-clip must lie in (0, 0.001]"), value + ": " + r.err());
        }
    }

    @Test
    void givenAClipToOod_thenItIsRefusedAsNotApplying() throws IOException {
        Path data = TinyIdx.write(tmp, 4, 2);
        Cli.Result r = Cli.run("ood", "--in-data", data.toString(), "--in-classes", "0,1", "--out-data", data.toString(),
                "--out-classes", "2", "--dirichlet-clip", "1e-20");
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.lastErrLine().contains("--dirichlet-clip applies to the Dirichlet fit of train, evaluate and compare"),
                r.err());
        assertNotEquals(-1, r.lastErrLine().indexOf("not to ood"), r.err());
    }

    private static Properties entry(Path model, String name) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(model))) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                if (e.getName().equals(name)) {
                    Properties p = new Properties();
                    p.load(new StringReader(new String(zip.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)));
                    return p;
                }
            }
        }
        throw new IOException(model + " has no " + name);
    }
}
