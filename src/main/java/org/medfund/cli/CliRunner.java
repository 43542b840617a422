package org.medfund.cli;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import org.medfund.common.AuditLog;
import org.medfund.registry.Registry;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.objenesis.ObjenesisStd;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Runs the command line given to {@code medfund} inside the Spring context. Only active when started from
 * {@link Launcher} (property {@code medfund.cli.enabled}), so tests build their own {@link CommandLine} via
 * {@link #commandLine(ApplicationContext)}.
 *
 * <p>The command tree is built from the command classes, not from beans: picocli creates a command object only
 * when the command is run (or its help shown), so with lazy initialisation a CLI run creates just the beans its
 * command needs, and {@link Launcher} can answer {@code --help} from the same tree without starting Spring.
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
        String[] commandArgs = Launcher.commandArgs(args);
        // Only the command being run joins the tree: picocli makes a command object as soon as its command is
        // added (to inject its @Spec), and each would bring its beans along.
        String name = commandArgs.length == 0 ? "" : commandArgs[0];
        CommandLine commandLine = springTree(context, name::equals);
        try {
            exitCode = commandLine.execute(commandArgs);
        } catch (RuntimeException e) {
            // Picocli lets failures outside the command body through (e.g. a command bean that cannot be created).
            exitCode = OneLineErrors.unexpected(e, commandLine.getErr(), logFile(context));
        }
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }

    /**
     * The whole command tree, its command objects Spring beans, each run recorded in the audit log
     * ({@link AuditedExecution}), and bad input reported as one line on stderr with a non-zero exit.
     */
    static CommandLine commandLine(ApplicationContext context) {
        return springTree(context, name -> true);
    }

    private static CommandLine springTree(ApplicationContext context, Predicate<String> topLevel) {
        CommandLine root = commandTree(new SpringFactory(context), logFile(context), topLevel);
        root.setExecutionStrategy(new AuditedExecution(context.getBean(AuditLog.class),
                context.getBean(Registry.class), context.getBean(Clock.class)));
        return root;
    }

    private static String logFile(ApplicationContext context) {
        return context.getEnvironment().getProperty("logging.file.name");
    }

    /**
     * The root command with every {@link MedfundSubcommand} class added as a subcommand (sorted by name) and every
     * {@link NestedSubcommand} under its group, objects created through {@code factory} when first needed.
     *
     * @param logFile where unexpected failures are logged in full, named in their one-line message (null: none)
     * @param topLevel which top-level commands (by name) to include
     */
    static CommandLine commandTree(CommandLine.IFactory factory, String logFile, Predicate<String> topLevel) {
        CommandLine root = new CommandLine(RootCommand.class, factory);
        for (Class<?> type : commandClasses(MedfundSubcommand.class)) {
            if (topLevel.test(type.getAnnotation(Command.class).name())) {
                root.addSubcommand(new CommandLine(type, factory));
            }
        }
        for (Class<?> type : commandClasses(NestedSubcommand.class)) {
            // The group's name is a constant of the class; an instance made without its constructor tells it.
            String parentName = ((NestedSubcommand) new ObjenesisStd().newInstance(type)).parent();
            if (!topLevel.test(parentName)) {
                continue;
            }
            CommandLine parent = root.getSubcommands().get(parentName);
            if (parent == null) {
                throw new IllegalStateException("no group command " + parentName + " for " + type.getName());
            }
            parent.addSubcommand(new CommandLine(type, factory));
        }
        OneLineErrors errors = new OneLineErrors(logFile);
        root.setExecutionExceptionHandler(errors);
        root.setParameterExceptionHandler(errors);
        return root;
    }

    /** The picocli command classes in this package that implement {@code marker}, sorted by command name. */
    private static List<Class<?>> commandClasses(Class<?> marker) {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(marker));
        return scanner.findCandidateComponents(CliRunner.class.getPackageName()).stream()
                .map(BeanDefinition::getBeanClassName)
                .<Class<?>>map(name -> ClassUtils.resolveClassName(name, CliRunner.class.getClassLoader()))
                .filter(type -> type.isAnnotationPresent(Command.class))
                .sorted(Comparator.comparing(type -> type.getAnnotation(Command.class).name()))
                .toList();
    }
}
