package org.medfund.cli;

import org.medfund.common.Rejection;
import picocli.CommandLine;

/**
 * Bad input ends a command with one line on stderr naming the field and exit code 2; anything else is a bug and
 * keeps its stack trace (exit code 1).
 */
final class OneLineErrors implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {

    static final int EXIT_BAD_INPUT = 2;

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult)
            throws Exception {
        Throwable cause = e;
        while (cause != null && !(cause instanceof Rejection)) {
            cause = cause.getCause();
        }
        if (cause instanceof Rejection rejection) {
            commandLine.getErr().println("错误 [" + rejection.code() + "]"
                    + (rejection.field() == null ? "" : " " + rejection.field()) + ": " + rejection.getMessage());
            return EXIT_BAD_INPUT;
        }
        if (e instanceof IllegalArgumentException || e instanceof java.time.format.DateTimeParseException) {
            commandLine.getErr().println("错误: " + e.getMessage());
            return EXIT_BAD_INPUT;
        }
        throw e;
    }

    @Override
    public int handleParseException(CommandLine.ParameterException e, String[] args) {
        CommandLine commandLine = e.getCommandLine();
        commandLine.getErr().println("错误: " + e.getMessage().lines().findFirst().orElse("参数有误"));
        return EXIT_BAD_INPUT;
    }
}
