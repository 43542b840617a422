package org.medfund;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.OptionalInt;
import org.medfund.cli.Launcher;
import org.medfund.common.ReplayClock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * medfund: one Spring Boot service plus a CLI. {@code medfund serve} starts the web app; every other command runs
 * in a context without a web server and exits with the command's exit code ({@link Launcher}).
 */
@SpringBootApplication
public class MedfundApplication {

    /** Business dates are Chinese dates, whatever zone the server runs in. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** System property: JDBC URL of the scratch database a soak job runs on (set by the soak harness). */
    public static final String SOAK_DATABASE_URL = "medfund.soak.database-url";

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("soak")) {
            soakDatabase(System.getProperty(SOAK_DATABASE_URL)).forEach(System::setProperty);
        }
        OptionalInt exitCode = Launcher.run(MedfundApplication.class, args);
        if (exitCode.isPresent()) {
            System.exit(exitCode.getAsInt());
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
