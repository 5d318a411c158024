package org.geotrans.it.weka;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.rmi.RemoteException;
import java.rmi.registry.LocateRegistry;
import java.rmi.registry.Registry;
import java.rmi.server.UnicastRemoteObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.hsqldb.server.Server;
import org.hsqldb.server.ServerConstants;

/**
 * What Weka's remote experiments need on one machine, as docs/weka.md sets it up: an HSQLDB
 * server for the results, a DatabaseUtils.props naming it and a policy file in the engines'
 * working directory, and RemoteEngine JVMs (each bootstraps its own RMI registry on its own port,
 * since every engine binds the same name, "RemoteEngine"). All ports are free ones chosen now.
 */
final class RemoteEngines implements AutoCloseable {
    private static final int START_SECONDS = 180;

    private final Server database = new Server();
    private final List<Process> engines = new ArrayList<>();
    private final List<Path> logs = new ArrayList<>();
    private final List<Integer> ports = new ArrayList<>();
    private WekaHome.ChildJvm engineJvm;
    private String databaseUrl;

    private RemoteEngines() {
    }

    static RemoteEngines start(WekaHome weka, Path workingDirectory, int count) throws Exception {
        assumeRmiOnLoopback(freePort());
        RemoteEngines started = new RemoteEngines();
        try {
            started.startDatabase(Files.createDirectories(workingDirectory));
            for (int i = 0; i < count; i++) {
                started.startEngine(weka);
            }
            started.awaitEngines();
            return started;
        } catch (Exception | AssertionError e) {
            started.close();
            throw e;
        }
    }

    /**
     * Skips the test, and only then, where this machine cannot serve RMI on 127.0.0.1 at all (a
     * sandbox without loopback sockets): the engines could not work there either.
     */
    private static void assumeRmiOnLoopback(int port) {
        try {
            Registry registry = LocateRegistry.createRegistry(port, null,
                    p -> new ServerSocket(p, 50, InetAddress.getLoopbackAddress()));
            try {
                LocateRegistry.getRegistry("127.0.0.1", port).list();
            } finally {
                UnicastRemoteObject.unexportObject(registry, true);
            }
        } catch (RemoteException e) {
            assumeTrue(false, "RMI on 127.0.0.1 is impossible on this machine: " + e);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private void startDatabase(Path workingDirectory) throws IOException, InterruptedException {
        int port = freePort();
        database.setLogWriter(null);
        database.setErrWriter(null);
        database.setAddress("127.0.0.1");
        database.setPort(port);
        database.setDatabaseName(0, "experiments");
        database.setDatabasePath(0, "mem:experiments");
        database.setSilent(true);
        database.setNoSystemExit(true);
        database.start();
        for (int i = 0; i < 100 && database.getState() != ServerConstants.SERVER_STATE_ONLINE; i++) {
            Thread.sleep(100);
        }
        assertTrue(database.getState() == ServerConstants.SERVER_STATE_ONLINE, "HSQLDB did not start on port " + port);
        databaseUrl = "jdbc:hsqldb:hsql://127.0.0.1:" + port + "/experiments";
        // Weka reads DatabaseUtils.props from the working directory over the one in weka.jar
        Files.writeString(workingDirectory.resolve("DatabaseUtils.props"), String.join("\n",
                "jdbcDriver=org.hsqldb.jdbc.JDBCDriver", "jdbcURL=" + databaseUrl, "CREATE_INT=INT",
                "CREATE_DOUBLE=DOUBLE", "CREATE_STRING=LONGVARCHAR", "CREATE_DATE=DATETIME",
                "DateFormat=yyyy-MM-dd HH:mm:ss", "checkUpperCaseNames=true", "checkLowerCaseNames=false",
                "checkForTable=true", ""));
        Path policy = Files.writeString(workingDirectory.resolve("remote.policy"),
                "grant {\n  permission java.security.AllPermission;\n};\n");
        engineJvm = new WekaHome.ChildJvm(workingDirectory, List.of("-Djava.security.policy=" + policy,
                "-Djava.rmi.server.hostname=127.0.0.1", "-Dweka.packageManager.offline=true"),
                List.of(WekaHome.testClassPathJar("/org/hsqldb/")));
    }

    private void startEngine(WekaHome weka) throws IOException {
        int port = freePort();
        Path log = engineJvm.workingDirectory().resolve("engine-" + port + ".log");
        engines.add(weka.start(engineJvm, log, "weka.experiment.RemoteEngine", "-p", Integer.toString(port)));
        logs.add(log);
        ports.add(port);
    }

    private void awaitEngines() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_SECONDS);
        for (int i = 0; i < engines.size(); i++) {
            while (!bound(ports.get(i))) {
                assertTrue(engines.get(i).isAlive(), "RemoteEngine on port " + ports.get(i) + " ended:" + logs());
                assertTrue(System.nanoTime() < deadline, "RemoteEngine on port " + ports.get(i)
                        + " not bound within " + START_SECONDS + " s:" + logs());
                Thread.sleep(500);
            }
        }
    }

    private static boolean bound(int port) {
        try {
            return Arrays.asList(LocateRegistry.getRegistry("127.0.0.1", port).list()).contains("RemoteEngine");
        } catch (RemoteException notYet) {
            return false;
        }
    }

    /** The -h arguments of RemoteExperiment. */
    List<String> hosts() {
        return ports.stream().map(port -> "127.0.0.1:" + port).toList();
    }

    List<Integer> ports() {
        return ports;
    }

    /** The client needs the same DatabaseUtils.props and JDBC driver as the engines. */
    WekaHome.ChildJvm clientJvm() {
        return engineJvm;
    }

    Map<String, List<Double>> readResults(List<String> measures) throws Exception {
        return RemoteExperimentTest.readDatabase(databaseUrl, measures);
    }

    String logs() throws IOException {
        return RemoteExperimentTest.logs(logs);
    }

    @Override
    public void close() throws InterruptedException {
        for (Process engine : engines) {
            engine.destroy();
        }
        for (Process engine : engines) {
            if (!engine.waitFor(10, TimeUnit.SECONDS)) {
                engine.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        database.stop();
    }
}
