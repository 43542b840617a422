package org.medfund.cli;

import org.medfund.cli.bench.RunsOnScratchDatabase;
import org.medfund.cli.bench.ScratchDatabase;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.objenesis.ObjenesisStd;
import picocli.CommandLine;

/**
 * What {@code medfund ARGS} does before and around Spring. The command line is parsed first on the command classes
 * alone, so {@code --help}, {@code --version}, a group without its subcommand and bad input answer at once, without
 * Spring or the database. Then:
 * <ul>
 *   <li>{@code serve} starts the web application and keeps running;</li>
 *   <li>a {@link RunsOnScratchDatabase} command (the benchmarks) runs on a scratch database of its own;</li>
 *   <li>every other command runs in a context without the web stack, whose beans are created lazily: only what the
 *       command uses is built (a command starts in about a second plus its own work, see docs/performance.md).</li>
 * </ul>
 * Logs go to {@code medfund.log} in the data directory; a CLI run prints none of them. Whatever fails unexpectedly,
 * before or inside Spring, ends with one line in Chinese naming that file and exit code 1, never a stack trace.
 */
public final class Launcher {

    static final String SERVE = "serve";
    /** {@code --name=value} with a dotted name is a Spring property for the context, not a command option. */
    private static final Pattern SPRING_PROPERTY = Pattern.compile("--[a-z][\\w-]*(\\.[\\w\\[\\]-]+)+=.*");
    /**
     * Auto-configuration only the web server uses (HTTP, JSON, templates, security, OpenAPI, bean validation of
     * request bodies, schedulers): a CLI run skips it, which saves most of Spring's start-up (docs/performance.md).
     */
    static final List<String> WEB_ONLY_AUTO_CONFIGURATION = List.of(
            "org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration",
            "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
            "org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration",
            "org.springframework.boot.thymeleaf.autoconfigure.ThymeleafAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
            "org.springdoc.core.configuration.SpringDocConfiguration",
            "org.springdoc.webmvc.core.configuration.SpringDocWebMvcConfiguration",
            "org.springdoc.webmvc.ui.SwaggerConfig",
            "org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration",
            "org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration",
            "org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration",
            "org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration");
    /** The server's console shows one line per event; stack traces go to the log file only. */
    static final String SERVE_CONSOLE_PATTERN =
            "%d{yyyy-MM-dd HH:mm:ss.SSS} %5p %-40.40logger{39} : %m%n%nopex";

    private Launcher() {
    }

    /**
     * Runs {@code medfund args}.
     *
     * @param application the Spring Boot application class
     * @return the exit code, or empty when the web server was started and keeps running
     */
    public static OptionalInt run(Class<?> application, String[] args) {
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        Path dataDirectory = DataDirectory.resolve(args, System.getenv(), System.getProperty("user.home"));
        Path logFile = dataDirectory.resolve(DataDirectory.LOG_FILE_NAME);
        String[] commandArgs = commandArgs(args);
        Optional<String> badPort = badPort(commandArgs);
        if (badPort.isPresent()) {
            err.println("错误: --port 应为 1 至 65535 的端口号：" + badPort.get());
            return OptionalInt.of(OneLineErrors.EXIT_BAD_INPUT);
        }
        CommandLine model = CliRunner.commandTree(new ModelFactory(), null, name -> true);
        CommandLine.ParseResult parsed;
        try {
            parsed = model.parseArgs(commandArgs);
        } catch (CommandLine.ParameterException e) {
            return OptionalInt.of(new OneLineErrors(null).handleParseException(e, commandArgs));
        }
        Integer helpExit = CommandLine.executeHelpRequest(parsed);
        if (helpExit != null) {
            return OptionalInt.of(helpExit);
        }
        List<CommandLine> matched = parsed.asCommandLineList();
        CommandLine command = matched.get(matched.size() - 1);
        if (!command.getSubcommands().isEmpty()) {
            // A group (or medfund itself) without a subcommand: its usage, as the group command would print.
            command.usage(command.getOut());
            return OptionalInt.of(0);
        }
        boolean serve = matched.size() == 2 && command.getCommandName().equals(SERVE);
        boolean scratch = command.getCommandSpec().userObject() instanceof RunsOnScratchDatabase;
        try {
            Files.createDirectories(dataDirectory);
        } catch (IOException e) {
            err.println("错误: 无法创建数据目录 " + dataDirectory + "（可用 MEDFUND_DATA_DIR 指定其他目录）");
            return OptionalInt.of(OneLineErrors.EXIT_FAILURE);
        }
        SpringApplication app = application(application, serve, scratch, dataDirectory, logFile, commandArgs);
        if (scratch) {
            System.out.println("（基准测试在临时数据库中运行，结束后删除；不读写你的数据）");
        }
        ConfigurableApplicationContext context;
        try {
            context = app.run(args);
        } catch (Throwable failure) {
            // Spring has logged it in full (to the log file); the user gets one line.
            err.println(startupFailure(failure, logFile.toString()));
            return OptionalInt.of(OneLineErrors.EXIT_FAILURE);
        }
        if (serve) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(SpringApplication.exit(context));
    }

    private static SpringApplication application(Class<?> application, boolean serve, boolean scratch,
                                                 Path dataDirectory, Path logFile, String[] commandArgs) {
        if (!serve) {
            // Boot warms up JSON, validation and Tomcat on a second thread; a CLI run uses none of them, and on a
            // busy machine that thread competes with the command for the CPU. A system property, read once when
            // SpringApplication loads its listeners.
            System.setProperty("spring.backgroundpreinitializer.ignore", "true");
        }
        SpringApplication app = new SpringApplication(application);
        Map<String, Object> defaults = new HashMap<>();
        defaults.put(DataDirectory.PROPERTY, dataDirectory.toString());
        defaults.put("logging.file.name", logFile.toString());
        // The command runs in the context (for serve: prints where the server listens).
        defaults.put("medfund.cli.enabled", "true");
        if (serve) {
            defaults.put("logging.pattern.console", SERVE_CONSOLE_PATTERN);
            // A system property, so that it outranks server.port in application.properties.
            portOption(commandArgs).ifPresent(port -> System.setProperty("server.port", port));
        } else {
            app.setWebApplicationType(WebApplicationType.NONE);
            app.setLogStartupInfo(false);

            defaults.putAll(cliProperties());
            if (scratch) {
                defaults.put(ScratchDatabase.PROPERTY, "true");
            }
        }
        app.setDefaultProperties(defaults);
        return app;
    }

    /** What makes a context a CLI one (besides no web server): lazy beans, no web-only configuration, quiet. */
    static Map<String, Object> cliProperties() {
        return Map.of("spring.main.lazy-initialization", "true",
                "spring.autoconfigure.exclude", String.join(",", WEB_ONLY_AUTO_CONFIGURATION),
                "logging.threshold.console", "OFF");
    }

    /** The arguments for picocli: all but the Spring properties ({@code --spring.datasource.url=…}). */
    static String[] commandArgs(String[] args) {
        return Arrays.stream(args).filter(arg -> !SPRING_PROPERTY.matcher(arg).matches()).toArray(String[]::new);
    }

    private static String startupFailure(Throwable failure, String logFile) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PortInUseException inUse) {
                return "错误: 端口 " + inUse.getPort() + " 已被占用（可用 --port 换一个端口），详细信息已写入日志 " + logFile;
            }
        }
        return OneLineErrors.unexpectedMessage(failure, logFile);
    }

    /** {@code serve --port N} with N not a port number (checked before picocli, for a Chinese message). */
    private static Optional<String> badPort(String[] args) {
        if (args.length == 0 || !args[0].equals(SERVE)) {
            return Optional.empty();
        }
        return portOption(args).filter(p -> !p.matches("[1-9][0-9]{0,4}") || Integer.parseInt(p) > 65535);
    }

    /** {@code serve --port N} or {@code --port=N}: read before the context starts, since the server binds then. */
    private static Optional<String> portOption(String[] args) {
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--port") && i + 1 < args.length) {
                return Optional.of(args[i + 1]);
            }
            if (args[i].startsWith("--port=")) {
                return Optional.of(args[i].substring("--port=".length()));
            }
        }
        return Optional.empty();
    }

    /**
     * Makes command objects for parsing and help only: through their no-argument constructor when they have one,
     * else without running a constructor (its arguments are Spring beans, which a model never uses).
     */
    static final class ModelFactory implements CommandLine.IFactory {

        private final ObjenesisStd objenesis = new ObjenesisStd();

        @Override
        public <K> K create(Class<K> type) throws Exception {
            boolean noArgConstructor = Arrays.stream(type.getDeclaredConstructors())
                    .anyMatch(c -> c.getParameterCount() == 0);
            if (type.isInterface() || noArgConstructor) {
                return CommandLine.defaultFactory().create(type);
            }
            return objenesis.newInstance(type);
        }
    }
}
