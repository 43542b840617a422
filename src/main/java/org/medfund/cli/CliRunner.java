package org.medfund.cli;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import org.medfund.common.AuditLog;
import org.medfund.registry.Registry;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import picocli.CommandLine;

/**
 * Runs the command line given to {@code medfund} inside the Spring context. Only active when started from
 * {@code main} (property {@code medfund.cli.enabled}), so tests build their own {@link CommandLine} via
 * {@link #commandLine(ApplicationContext)}.
 */
@Component
@ConditionalOnProperty("medfund.cli.enabled")
class CliRunner implements CommandLineRunner, ExitCodeGenerator {

    private final ApplicationContext context;
    private int exitCode;

    CliRunner(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public void run(String... args) {
        exitCode = commandLine(context).execute(args);
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }

    /**
     * The root command with every {@link MedfundSubcommand} bean added as a subcommand (sorted by name), each run
     * recorded in the audit log ({@link AuditedExecution}), and bad input reported as one line on stderr with a
     * non-zero exit.
     */
    static CommandLine commandLine(ApplicationContext context) {
        CommandLine root = new CommandLine(new RootCommand(), new SpringFactory(context));
        List<MedfundSubcommand> subcommands = context.getBeansOfType(MedfundSubcommand.class).values().stream()
                .sorted(Comparator.comparing(c -> new CommandLine(c, new SpringFactory(context)).getCommandName()))
                .toList();
        for (MedfundSubcommand subcommand : subcommands) {
            root.addSubcommand(new CommandLine(subcommand, new SpringFactory(context)));
        }
        List<NestedSubcommand> nested = context.getBeansOfType(NestedSubcommand.class).values().stream()
                .sorted(Comparator.comparing(c -> new CommandLine(c, new SpringFactory(context)).getCommandName()))
                .toList();
        for (NestedSubcommand subcommand : nested) {
            CommandLine parent = root.getSubcommands().get(subcommand.parent());
            if (parent == null) {
                throw new IllegalStateException("no group command " + subcommand.parent() + " for " + subcommand);
            }
            parent.addSubcommand(new CommandLine(subcommand, new SpringFactory(context)));
        }
        root.setExecutionStrategy(new AuditedExecution(context.getBean(AuditLog.class),
                context.getBean(Registry.class), context.getBean(Clock.class)));
        root.setExecutionExceptionHandler(new OneLineErrors());
        root.setParameterExceptionHandler(new OneLineErrors());
        return root;
    }
}
