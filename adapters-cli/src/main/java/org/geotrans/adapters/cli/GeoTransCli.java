package org.geotrans.adapters.cli;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import picocli.CommandLine;

/**
 * The {@code geotrans} command: exit code 0 on success, 2 on a usage error, 1 on a failure, each
 * failure told in one line on stderr ({@code --verbose} adds the stack trace).
 */
public final class GeoTransCli {
    private GeoTransCli() {
    }

    public static void main(String[] args) {
        // the reports draw PNGs; no display is needed or wanted
        System.setProperty("java.awt.headless", "true");
        // the backend's start-up notes would break the one-line-per-failure stderr; --verbose keeps them
        if (!java.util.Arrays.asList(args).contains("--verbose")) {
            java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        }
        Charset console = Charset.defaultCharset();
        int code = run(new CliModule(), args, new PrintWriter(System.out, true, console),
                new PrintWriter(System.err, true, console));
        System.exit(code);
    }

    /**
     * Runs one command line in this JVM and returns its exit code instead of exiting: what a
     * cluster task runs (a {@code --unit} of evaluate or compare), its output going to this JVM's
     * stdout and stderr.
     */
    public static int runUnit(String... args) {
        Charset console = Charset.defaultCharset();
        return run(new CliModule(), args, new PrintWriter(System.out, true, console), new PrintWriter(System.err, true, console));
    }

    /** Runs one command line with the adapters {@code module} chooses; returns the exit code. */
    static int run(Module module, String[] args, PrintWriter out, PrintWriter err) {
        Injector injector = Guice.createInjector(module);
        CommandLine cli = new CommandLine(GeoTransCommand.class, new GuiceFactory(injector))
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setOut(out)
                .setErr(err)
                .setExecutionExceptionHandler(new FailureHandler())
                .setParameterExceptionHandler(new UsageErrorHandler());
        try {
            return cli.execute(args);
        } catch (Error e) {
            // picocli hands only Exceptions to FailureHandler; an Error (out of memory, stack overflow,
            // a native library that does not load) would otherwise end in the JVM's stack trace
            return FailureHandler.handleError(e, cli, err);
        } finally {
            out.flush();
            err.flush();
        }
    }
}
