package org.medfund.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medfund.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import picocli.CommandLine;

/**
 * Every command, at every level, answers {@code --help} with its usage and exit code 0 — also those with required
 * options, which must not be validated first (a prepayment subcommand once answered "Missing required options") —
 * and the launcher's Spring-less answer is the same text.
 */
@DatabaseTest
class CommandHelpTest {

    @Autowired
    ApplicationContext context;

    private static void collect(CommandLine command, List<String> path, List<List<String>> all) {
        all.add(path);
        command.getSubcommands().forEach((name, sub) -> {
            if (sub.getCommandName().equals(name)) {
                List<String> next = new ArrayList<>(path);
                next.add(name);
                collect(sub, next, all);
            }
        });
    }

    @Test
    @DisplayName("--help prints the usage of every command and exits 0")
    void everyCommandHasHelp() {
        List<List<String>> commands = new ArrayList<>();
        collect(CliRunner.commandLine(context), List.of(), commands);
        assertThat(commands).hasSizeGreaterThan(30);
        for (List<String> path : commands) {
            List<String> args = new ArrayList<>(path);
            args.add("--help");
            CliRun run = CliRun.of(context, args.toArray(String[]::new));
            assertThat(run.exitCode()).as(String.join(" ", args)).isZero();
            assertThat(run.out()).as(String.join(" ", args))
                    .startsWith("Usage: medfund" + (path.isEmpty() ? "" : " " + String.join(" ", path)));
            // The launcher answers --help from command objects made without Spring: the same text.
            CommandLine model = CliRunner.commandTree(new Launcher.ModelFactory(), null, name -> true);
            java.io.StringWriter modelOut = new java.io.StringWriter();
            model.setOut(new java.io.PrintWriter(modelOut));
            assertThat(model.execute(args.toArray(String[]::new))).isZero();
            assertThat(modelOut.toString()).as(String.join(" ", args)).isEqualTo(run.out());
        }
    }
}
