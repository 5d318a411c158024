package org.geotrans.adapters.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

/** Runs the CLI in-process and keeps what it printed. */
final class Cli {
    /** What a run returned and printed. */
    record Result(int exitCode, String out, String err) {
        List<String> errLines() {
            return err.lines().toList();
        }

        /** The last line on stderr: where a failure is told. */
        String lastErrLine() {
            List<String> lines = errLines();
            return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        }
    }

    private Cli() {
    }

    static Result run(com.google.inject.Module module, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = GeoTransCli.run(module, args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    static Result run(String... args) {
        return run(new TestModule().overCliModule(), args);
    }

    /** One argument list from two: a command's own arguments and those its runs share. */
    static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
