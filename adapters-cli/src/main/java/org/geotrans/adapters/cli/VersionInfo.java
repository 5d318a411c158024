package org.geotrans.adapters.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.IVersionProvider;

/** Versions for --version and results.json; the GeoTrans version comes from the jar's manifest. */
final class VersionInfo implements IVersionProvider {

    static String geotrans() {
        String v = GeoTransCli.class.getPackage().getImplementationVersion();
        return v != null ? v : "development build";
    }

    static Map<String, String> all(String backend) {
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put("geotrans", geotrans());
        versions.put("java", System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ", "
                + System.getProperty("java.vendor") + ")");
        versions.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        versions.put("cpus", Integer.toString(Runtime.getRuntime().availableProcessors()));
        versions.put("backend", backend);
        return versions;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"geotrans " + geotrans(), "Java " + System.getProperty("java.version")};
    }
}
