package org.geotrans.adapters.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * The one place where failures become exit codes: a {@link UsageException} found while running
 * (an --out folder that is not empty, say) is a usage error (2); anything else is a failure (1).
 * Either way one line on stderr; the stack trace only with --verbose.
 */
final class FailureHandler implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine command, ParseResult parsed) {
        PrintWriter err = command.getErr();
        boolean usage = e instanceof UsageException;
        err.println("geotrans " + command.getCommandName() + ": " + (usage ? "" : "error: ") + oneLine(e));
        if (verbose(command)) {
            err.print(command.getColorScheme().stackTraceText(e));
        }
        err.flush();
        return usage ? 2 : 1;
    }

    /**
     * The last line of defence, for an {@link Error} that escaped every check: one line naming what
     * the command was reading and the limit that was hit, exit code 1.
     */
    static int handleError(Error e, CommandLine root, PrintWriter err) {
        CommandLine command = root;
        ParseResult parsed = root.getParseResult();
        while (parsed != null && parsed.hasSubcommand()) {
            parsed = parsed.subcommand();
            command = parsed.commandSpec().commandLine();
        }
        err.println("geotrans " + command.getCommandName() + ": error: " + describe(e) + inputs(command));
        if (verbose(command)) {
            err.print(command.getColorScheme().stackTraceText(e));
        }
        err.flush();
        return 1;
    }

    private static String describe(Error e) {
        if (e instanceof OutOfMemoryError) {
            return "out of memory (" + oneLine(e) + "; the Java heap's limit is "
                    + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB: raise it with GEOTRANS_HEAP for bin/geotrans"
                    + " or -Xmx for java)";
        }
        if (e instanceof StackOverflowError) {
            return "stack overflow (raise the thread stack with -Xss for java)";
        }
        return e.getClass().getSimpleName() + ": " + oneLine(e);
    }

    /** " while reading --data X, --model Y": the files the command was given, as far as parsed. */
    private static String inputs(CommandLine command) {
        StringBuilder out = new StringBuilder();
        for (String name : new String[] {"--data", "--model"}) {
            OptionSpec option = command.getCommandSpec().findOption(name);
            if (option != null && option.getValue() != null) {
                out.append(out.length() == 0 ? " while working on " : ", ").append(name).append(' ').append((Object) option.getValue());
            }
        }
        return out.toString();
    }

    static boolean verbose(CommandLine command) {
        OptionSpec option = command.getCommandSpec().findOption("--verbose");
        return option != null && Boolean.TRUE.equals(option.getValue());
    }

    /** The message, on one line; the exception's kind when it has none. */
    static String oneLine(Throwable e) {
        String message = e.getMessage();
        if (e instanceof java.nio.file.NoSuchFileException missing && missing.getReason() == null) {
            message = message + ": no such file or folder";
        }
        if (message == null || message.isBlank()) {
            Throwable cause = e.getCause();
            return cause != null && cause != e ? oneLine(cause) : e.getClass().getSimpleName();
        }
        return message.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
