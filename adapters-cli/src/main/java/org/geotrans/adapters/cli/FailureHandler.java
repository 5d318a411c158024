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
