package org.geotrans.it.weka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.geotrans.adapters.weka.ImageSplit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * The package in a clean JDK container: Weka's jars, the zip and two ARFF files are copied in,
 * the package manager installs the zip offline and weka.Run trains and tests GeoTrans. Skipped
 * where no Docker engine answers (disabledWithoutDocker), as on machines without one.
 */
@Testcontainers(disabledWithoutDocker = true)
class CleanContainerTest {
    @TempDir
    Path dir;

    @Test
    void inACleanJdkContainerThePackageInstallsAndWekaRunTrainsGeoTrans() throws Exception {
        Path train = FashionMnistArff.write(ImageSplit.TRAIN, 2000, dir.resolve("train.arff"));
        Path test = FashionMnistArff.write(ImageSplit.TEST, 500, dir.resolve("test.arff"));
        try (GenericContainer<?> jdk = new GenericContainer<>(DockerImageName.parse("eclipse-temurin:17-jre"))
                .withCommand("sleep", "infinity")
                .withCopyFileToContainer(MountableFile.forHostPath(WekaHome.requiredFile("geotrans.weka.zip")),
                        "/opt/geotrans-weka.zip")
                .withCopyFileToContainer(MountableFile.forHostPath(train), "/data/train.arff")
                .withCopyFileToContainer(MountableFile.forHostPath(test), "/data/test.arff")) {
            List<Path> jars = WekaHome.wekaJars();
            for (int i = 0; i < jars.size(); i++) {
                jdk.withCopyFileToContainer(MountableFile.forHostPath(jars.get(i)), "/opt/weka/" + i + "-" + jars.get(i).getFileName());
            }
            jdk.start();
            String java = "WEKA_HOME=/opt/wekahome java -Xmx3g -cp '/opt/weka/*' ";
            ExecResult install = jdk.execInContainer("sh", "-c",
                    java + "weka.core.WekaPackageManager -offline -install-package /opt/geotrans-weka.zip");
            assertEquals(0, install.getExitCode(), install.getStdout() + install.getStderr());
            ExecResult run = jdk.execInContainer("sh", "-c", java + "weka.Run "
                    + String.join(" ", WekaPackageTest.args("GeoTrans", "-t", "/data/train.arff", "-T", "/data/test.arff",
                    "-classifications", "'weka.classifiers.evaluation.output.prediction.CSV -distribution -decimals 12'")));
            assertEquals(0, run.getExitCode(), run.getStdout() + run.getStderr());
            double roc = WekaPackageTest.rocAreaOfNormalClass(WekaPackageTest.predictions(run.getStdout()));
            assertTrue(roc > 0.8, "ROC area " + roc + " in the container:\n" + run.getStdout());
        }
    }
}
