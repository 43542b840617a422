package org.medfund;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.medfund.common.ReplayClock;
import org.springframework.beans.factory.annotation.Value;
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

    /** System property: JDBC URL of the scratch database a soak job runs on (set by the soak harness). */
    public static final String SOAK_DATABASE_URL = "medfund.soak.database-url";

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
        if (args.length > 0 && args[0].equals("soak")) {
            soakDatabase(System.getProperty(SOAK_DATABASE_URL)).forEach(System::setProperty);
        }
        app.setDefaultProperties(defaults);
        var context = app.run(args);
        if (!serve) {
            System.exit(SpringApplication.exit(context));
        }
    }

    /**
     * {@code soak …} never opens the configured database (the user's own): the harness runs on a throwaway
     * in-memory database, and the job it starts in a child JVM on the scratch database the harness created and
     * names in {@value #SOAK_DATABASE_URL} (its user and password come from MEDFUND_DB_USER / MEDFUND_DB_PASSWORD).
     * Set as system properties, these outrank application.properties and so MEDFUND_DB_URL.
     */
    static java.util.Map<String, String> soakDatabase(String scratchUrl) {
        if (scratchUrl != null && !scratchUrl.isBlank()) {
            return java.util.Map.of("spring.datasource.url", scratchUrl);
        }
        return java.util.Map.of("spring.datasource.url", "jdbc:h2:mem:medfund-soak;MODE=PostgreSQL;"
                        + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                "spring.datasource.username", "sa", "spring.datasource.password", "");
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

    /**
     * The system clock, or for a replayed job (property {@code medfund.replay-clock} = its start, an ISO offset
     * date-time) a {@link ReplayClock} that the job moves along its own timeline.
     */
    @Bean
    Clock clock(@Value("${medfund.replay-clock:}") String replayStart) {
        if (replayStart.isBlank()) {
            return Clock.system(ZONE);
        }
        return new ReplayClock(OffsetDateTime.parse(replayStart).toInstant(), ZONE);
    }
}
