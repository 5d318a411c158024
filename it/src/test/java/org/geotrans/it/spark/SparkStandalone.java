package org.geotrans.it.spark;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Spark standalone cluster on 127.0.0.1 made of this build's own jars: a master and workers as
 * separate JVMs with the test class path (Spark, GeoTrans and their dependencies; nothing is
 * downloaded), each worker with one core. A worker finds no Spark installation to take the
 * executors' class path from, so SPARK_HOME is an empty folder with an empty jars/ and the
 * executors get the class path from spark.executor.extraClassPath (SparkUnitGrid sets it).
 */
final class SparkStandalone implements AutoCloseable {
    /** What Spark 3.5 needs opened on Java 17 (Spark's launch scripts add them; here they are started by hand). */
    static final List<String> JAVA_17_OPTIONS = List.of("--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED", "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens=java.base/java.io=ALL-UNNAMED", "--add-opens=java.base/java.net=ALL-UNNAMED",
            "--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/java.util=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED", "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
            "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED", "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
            "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED");
    private static final int START_SECONDS = 120;

    private final Path dir;
    private final Path sparkHome;
    private final List<Process> processes = new ArrayList<>();
    private final List<Path> logs = new ArrayList<>();
    private final List<Process> workers = new ArrayList<>();
    private int masterPort;
    private int masterUiPort;

    private SparkStandalone(Path dir) throws IOException {
        this.dir = Files.createDirectories(dir);
        this.sparkHome = Files.createDirectories(dir.resolve("spark-home"));
        Files.createDirectories(sparkHome.resolve("jars"));
    }

    static SparkStandalone start(Path dir, int workerCount) throws Exception {
        SparkStandalone cluster = new SparkStandalone(dir);
        try {
            cluster.masterPort = freePort();
            cluster.masterUiPort = freePort();
            cluster.startJvm("master", "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
                    "--port", Integer.toString(cluster.masterPort), "--webui-port", Integer.toString(cluster.masterUiPort));
            for (int i = 0; i < workerCount; i++) {
                cluster.workers.add(cluster.startJvm("worker-" + i, "org.apache.spark.deploy.worker.Worker",
                        "--host", "127.0.0.1", "--port", Integer.toString(freePort()), "--webui-port", Integer.toString(freePort()),
                        "--cores", "1", "--memory", "3g", "--work-dir", Files.createDirectories(dir.resolve("work-" + i)).toString(),
                        cluster.masterUrl()));
            }
            cluster.awaitWorkers(workerCount);
            return cluster;
        } catch (Exception | AssertionError e) {
            cluster.close();
            throw e;
        }
    }

    String masterUrl() {
        return "spark://127.0.0.1:" + masterPort;
    }

    /** A child JVM with the test class path, the Java 17 options and the cluster's environment. */
    Process startJvm(String name, String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                name.startsWith("driver") || name.startsWith("single") ? "-Xmx2g" : "-Xmx384m"));
        command.addAll(JAVA_17_OPTIONS);
        command.addAll(List.of("-cp", classPath(), mainClass));
        command.addAll(List.of(args));
        Path log = dir.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("SPARK_HOME", sparkHome.toString());
        builder.environment().put("SPARK_SCALA_VERSION", "2.13");
        builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        builder.environment().put("SPARK_LOCAL_HOSTNAME", "127.0.0.1");
        Process process = builder.start();
        processes.add(process);
        logs.add(log);
        return process;
    }

    static String classPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    private void awaitWorkers(int count) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Pattern alive = Pattern.compile("\"aliveworkers\"\\s*:\\s*(\\d+)");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_SECONDS);
        while (true) {
            for (Process p : processes) {
                assertTrue(p.isAlive(), "a cluster JVM ended:" + logs());
            }
            try {
                String json = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + masterUiPort + "/json/")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                Matcher m = alive.matcher(json);
                if (m.find() && Integer.parseInt(m.group(1)) >= count) {
                    return;
                }
            } catch (IOException notYet) {
                // the master's UI is not up yet
            }
            assertTrue(System.nanoTime() < deadline, count + " workers did not register within " + START_SECONDS + " s:" + logs());
            Thread.sleep(500);
        }
    }

    /** Kills a worker and the executor it started, as when its machine goes away. */
    void killWorker(int index) throws InterruptedException {
        Process worker = workers.get(index);
        worker.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        worker.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    String logs() throws IOException {
        StringBuilder text = new StringBuilder();
        for (Path log : logs) {
            String content = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
            text.append("\n--- ").append(log.getFileName()).append(" ---\n")
                    .append(content.length() > 6000 ? content.substring(content.length() - 6000) : content);
        }
        return text.toString();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        for (Process p : processes) {
            p.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        for (Process p : processes) {
            p.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
