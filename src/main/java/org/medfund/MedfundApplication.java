package org.medfund;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * medfund: one Spring Boot service plus a CLI. {@code medfund serve} starts the web app; every other command runs
 * in a context without a web server and exits with the command's exit code.
 */
@SpringBootApplication
public class MedfundApplication {

    /** Business dates are Chinese dates, whatever zone the server runs in. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(MedfundApplication.class);
        // `serve --help` prints help like every other command instead of starting the server.
        boolean serve = args.length > 0 && args[0].equals("serve")
                && java.util.Arrays.stream(args).noneMatch(a -> a.equals("-h") || a.equals("--help")
                        || a.equals("-V") || a.equals("--version"));
        if (!serve) {
            app.setWebApplicationType(WebApplicationType.NONE);
            app.setLogStartupInfo(false);
        }
        java.util.Map<String, Object> defaults = new java.util.HashMap<>();
        defaults.put("medfund.cli.enabled", "true");
        if (serve) {
            // A system property, so that it outranks server.port in application.properties.
            java.util.Optional<String> port = portOption(args);
            if (port.isPresent() && !port.get().matches("[1-9][0-9]{0,4}")
                    || port.isPresent() && Integer.parseInt(port.get()) > 65535) {
                System.err.println("错误: --port 应为 1 至 65535 的端口号：" + port.get());
                System.exit(2);
            }
            port.ifPresent(p -> System.setProperty("server.port", p));
        }
        app.setDefaultProperties(defaults);
        var context = app.run(args);
        if (!serve) {
            System.exit(SpringApplication.exit(context));
        }
    }

    /** {@code serve --port N} or {@code --port=N}: read before the context starts, since the server binds then. */
    private static java.util.Optional<String> portOption(String[] args) {
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--port") && i + 1 < args.length) {
                return java.util.Optional.of(args[i + 1]);
            }
            if (args[i].startsWith("--port=")) {
                return java.util.Optional.of(args[i].substring("--port=".length()));
            }
        }
        return java.util.Optional.empty();
    }

    @Bean
    Clock clock() {
        return Clock.system(ZONE);
    }
}
