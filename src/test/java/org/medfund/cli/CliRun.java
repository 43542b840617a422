package org.medfund.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.springframework.context.ApplicationContext;
import picocli.CommandLine;

/** Runs {@code medfund ARGS} in a test's Spring context, capturing exit code, stdout and stderr. */
public record CliRun(int exitCode, String out, String err) {

    public static CliRun of(ApplicationContext context, String... args) {
        CommandLine commandLine = CliRunner.commandLine(context);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int exitCode = commandLine.execute(args);
        return new CliRun(exitCode, out.toString(), err.toString());
    }
}
