package org.geotrans.adapters.cli;

import picocli.CommandLine;

/** picocli's parse errors as one line on stderr, exit code 2. */
final class UsageErrorHandler implements CommandLine.IParameterExceptionHandler {

    @Override
    public int handleParseException(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        String path = command.getCommandSpec().qualifiedName(" ");
        command.getErr().println(path + ": " + FailureHandler.oneLine(e) + " (see " + path + " --help)");
        command.getErr().flush();
        return 2;
    }
}
