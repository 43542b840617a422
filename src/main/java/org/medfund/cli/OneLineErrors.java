package org.medfund.cli;

import java.io.PrintWriter;
import org.medfund.common.Rejection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * Bad input ends a command with one line on stderr naming the field and exit code 2. Anything else is a bug or a
 * broken environment: its stack trace goes to the log file, the user gets one line naming that file, exit code 1.
 */
public final class OneLineErrors implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {

    public static final int EXIT_BAD_INPUT = 2;
    static final int EXIT_FAILURE = 1;

    /** The log file named in the message of an unexpected failure; null when logging goes to the console only. */
    private final String logFile;

    OneLineErrors(String logFile) {
        this.logFile = logFile;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
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
        return unexpected(e, commandLine.getErr(), logFile);
    }

    @Override
    public int handleParseException(CommandLine.ParameterException e, String[] args) {
        CommandLine commandLine = e.getCommandLine();
        commandLine.getErr().println("错误: " + parseMessage(e));
        return EXIT_BAD_INPUT;
    }

    /** The two mistakes people make most, in Chinese; picocli's own first line for the rest (it names the value). */
    static String parseMessage(CommandLine.ParameterException e) {
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched) {
            return "未知的命令或参数：" + String.join(" ", unmatched.getUnmatched())
                    + "（" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help 列出可用的命令与选项）";
        }
        if (e instanceof CommandLine.MissingParameterException missing) {
            return "缺少必需的参数：" + missing.getMissing().stream()
                    .map(arg -> arg instanceof CommandLine.Model.OptionSpec option ? option.longestName()
                            : arg.paramLabel())
                    .collect(java.util.stream.Collectors.joining("、"));
        }
        return e.getMessage().lines().findFirst().orElse("参数有误");
    }

    /** Logs the failure in full and prints the one line a user sees; returns the exit code. */
    static int unexpected(Throwable failure, PrintWriter err, String logFile) {
        // Looked up here, not in a static field: a run without failure never initialises logging outside Spring.
        Logger log = LoggerFactory.getLogger(OneLineErrors.class);
        log.error("command failed", failure);
        err.println(unexpectedMessage(failure, logFile));
        err.flush();
        return EXIT_FAILURE;
    }

    /** One line in Chinese: what kind of failure, and where the details are. */
    static String unexpectedMessage(Throwable failure, String logFile) {
        String where = logFile == null ? "详细信息见日志" : "详细信息已写入日志 " + logFile;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException
                    || cause instanceof org.springframework.jdbc.CannotGetJdbcConnectionException) {
                return "错误: 无法访问数据库，" + where;
            }
        }
        return "错误: 命令意外失败，" + where;
    }
}
