package org.geotrans.adapters.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.geotrans.domain.port.ClassifierBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --backend and --precision reach the adapters: the module hands out the chosen backend's classifier. */
class BackendChoiceTest {
    @TempDir
    Path tmp;

    private Cli.Result train(TestModule module, String... extra) throws IOException {
        Path data = TinyIdx.write(tmp, 6, 2);
        List<String> args = new java.util.ArrayList<>(List.of("train", "--data", data.toString(), "--normal-class", "0",
                "--transforms", "simple8", "--preset", "quick", "--max-train", "4", "--force",
                "--model", tmp.resolve("m.geotrans").toString()));
        args.addAll(List.of(extra));
        return Cli.run(module.overCliModule(), args.toArray(String[]::new));
    }

    @Test
    void givenBackendLibtorch_thenTrainingUsesTheLibtorchClassifier() throws IOException {
        TestModule module = new TestModule();
        Cli.Result r = train(module, "--backend", "libtorch", "--precision", "fp32");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(List.of(ClassifierBackend.LIBTORCH), module.backendsAsked);
    }

    @Test
    void givenNoBackend_thenTrainingUsesTheDefault() throws IOException {
        TestModule module = new TestModule();
        Cli.Result r = train(module);
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(List.of(ClassifierBackend.defaultBackend()), module.backendsAsked);
    }

    @Test
    void givenAnUnknownBackend_thenUsageErrorNamingIt() throws IOException {
        Cli.Result r = train(new TestModule(), "--backend", "tensorflow");
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.lastErrLine().contains("tensorflow"), r.err());
    }

    @Test
    void givenPrecisionWithDl4j_thenUsageError() throws IOException {
        Cli.Result r = train(new TestModule(), "--backend", "dl4j", "--precision", "fp32");
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.lastErrLine().contains("--precision applies to the libtorch backend only"), r.err());
    }

    @Test
    void benchRunsTheChosenBackendsBenchmark() {
        TestModule module = new TestModule();
        Cli.Result r = Cli.run(module.overCliModule(), "bench", "--backend", "libtorch", "--shapes", "32x32x3",
                "--precision", "fp32");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(List.of(ClassifierBackend.LIBTORCH), module.benchmarkBackends);
        assertEquals(List.of(List.of("--shapes", "32x32x3", "--precision", "fp32")), module.benchmarkCalls);
        assertFalse(module.benchmarkCalls.get(0).contains("--backend"));
    }
}
