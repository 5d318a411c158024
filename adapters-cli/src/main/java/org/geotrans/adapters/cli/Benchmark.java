package org.geotrans.adapters.cli;

import java.io.PrintWriter;
import java.util.List;

/** The classifier throughput benchmark of the network adapter, with its own --option value pairs. */
@FunctionalInterface
interface Benchmark {
    /** @throws IllegalArgumentException for options the benchmark does not know */
    void run(List<String> options, PrintWriter out);
}
