package org.geotrans.adapters.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * compare --backend libtorch trains the baselines that exist on libtorch there (the real
 * networks, one epoch, beside a fake GeoTrans on a tiny dataset), and says so in results.json.
 */
class CompareLibtorchBaselinesTest {
    @TempDir
    Path tmp;

    @Test
    @SuppressWarnings("unchecked")
    void theDeepBaselinesTrainOnLibtorch() throws IOException {
        Path data = TinyIdx.write(tmp, 12, 8);
        Path out = tmp.resolve("results");
        Cli.Result result = Cli.run("compare", "--backend", "libtorch", "--data", data.toString(), "--normal-class",
                "trouser", "--preset", "quick", "--transforms", "simple8", "--detectors", "deep-svdd,cae-ocsvm,dsebm,dagmm",
                "--baseline-epochs", "1", "--seed", "5", "--max-test", "20", "--out", out.toString());
        assertEquals(0, result.exitCode(), result.err());
        Map<String, Object> json = new ObjectMapper().readValue(out.resolve("results.json").toFile(), Map.class);
        List<Map<String, Object>> runs = (List<Map<String, Object>>) json.get("runs");
        Map<String, Object> svdd = runs.stream().filter(r -> r.get("detector").equals("DEEP_SVDD")).findFirst().orElseThrow();
        String network = ((Map<String, Object>) svdd.get("details")).get("network").toString();
        assertTrue(network.startsWith("One-Class Deep SVDD on libtorch"), network);
        Map<String, Object> cae = runs.stream().filter(r -> r.get("detector").equals("CAE_OCSVM")).findFirst().orElseThrow();
        String autoencoder = ((Map<String, Object>) cae.get("details")).get("autoencoder").toString();
        assertTrue(autoencoder.startsWith("DCGAN-shaped convolutional autoencoder on libtorch"), autoencoder);
        for (String detector : List.of("DSEBM", "DAGMM")) {
            Map<String, Object> run = runs.stream().filter(r -> r.get("detector").equals(detector)).findFirst().orElseThrow();
            String described = ((Map<String, Object>) run.get("details")).get("network").toString();
            assertTrue(described.startsWith(detector + " on libtorch"), described);
        }
    }
}
