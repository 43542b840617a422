package org.medfund;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points the test context at a database of its own: H2 in memory, or a new schema in the PostgreSQL named by
 * {@code MEDFUND_TEST_PG_URL} (dropped again when the JVM exits), so runs never collide.
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String KIND = System.getProperty("medfund.test.database", "h2");

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        initialize(context, KIND);
    }

    /**
     * For the few expensive tests that run once per build rather than once per database (not tagged {@code db}):
     * PostgreSQL when {@code MEDFUND_TEST_PG_URL} is set, else H2.
     */
    public static class Preferred implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            String url = System.getenv("MEDFUND_TEST_PG_URL");
            TestDatabase.initialize(context, url == null || url.isBlank() ? "h2" : "postgresql");
        }
    }

    private static void initialize(ConfigurableApplicationContext context, String kind) {
        String name = "medfund_t_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss"))
                + "_" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000, 0xfffff));
        Map<String, Object> properties = kind.equals("postgresql") ? postgresql(name) : h2(name);
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("medfund-test-db", properties));
        System.out.println("medfund test database: " + kind + " " + name);
    }

    private static Map<String, Object> h2(String name) {
        return Map.of(
                "spring.datasource.url", "jdbc:h2:mem:" + name
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                "spring.datasource.username", "sa",
                "spring.datasource.password", "",
                "medfund.data-dir", System.getProperty("java.io.tmpdir") + "/" + name);
    }

    private static Map<String, Object> postgresql(String schema) {
        String url = System.getenv("MEDFUND_TEST_PG_URL");
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("medfund.test.database=postgresql needs MEDFUND_TEST_PG_URL");
        }
        String user = System.getenv().getOrDefault("MEDFUND_TEST_PG_USER", "postgres");
        String password = System.getenv().getOrDefault("MEDFUND_TEST_PG_PASSWORD", "");
        try (var connection = DriverManager.getConnection(url, user, password)) {
            connection.createStatement().execute("create schema " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test schema on " + url, e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (var connection = DriverManager.getConnection(url, user, password)) {
                connection.createStatement().execute("drop schema " + schema + " cascade");
            } catch (SQLException e) {
                System.err.println("could not drop test schema " + schema + ": " + e.getMessage());
            }
        }));
        String separator = url.contains("?") ? "&" : "?";
        return Map.of(
                "spring.datasource.url", url + separator + "currentSchema=" + schema,
                "spring.datasource.username", user,
                "spring.datasource.password", password,
                "spring.flyway.schemas", schema,
                "spring.flyway.default-schema", schema,
                "medfund.data-dir", System.getProperty("java.io.tmpdir") + "/" + schema);
    }
}
