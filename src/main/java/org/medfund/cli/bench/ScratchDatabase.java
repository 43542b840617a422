package org.medfund.cli.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A database of the configured kind that exists for one benchmark run ({@link RunsOnScratchDatabase}): a new H2 file
 * database in a temporary directory when the configured one is H2 (same mode options), a new schema in the same
 * PostgreSQL database otherwise. Flyway migrates it like any fresh database (so the registry reference data is
 * there); it is deleted, or the schema dropped, when the context closes. The user's database is never opened.
 */
public final class ScratchDatabase implements AutoCloseable {

    /** Set by {@link Launcher} for a {@link RunsOnScratchDatabase} command. */
    public static final String PROPERTY = "medfund.scratch-database";

    private final String url;
    private final Runnable drop;

    private ScratchDatabase(String url, Runnable drop) {
        this.url = url;
        this.drop = drop;
    }

    static ScratchDatabase create(String configuredUrl, String user, String password) {
        if (configuredUrl.startsWith("jdbc:h2:")) {
            return h2(configuredUrl);
        }
        if (configuredUrl.startsWith("jdbc:postgresql:")) {
            return postgresql(configuredUrl, user, password);
        }
        throw new IllegalStateException("benchmarks run on H2 or PostgreSQL, not on " + configuredUrl);
    }

    private static ScratchDatabase h2(String configuredUrl) {
        Path directory;
        try {
            directory = Files.createTempDirectory("medfund-bench-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int options = configuredUrl.indexOf(';');
        // Only this process uses the scratch database, so it needs no automatic server.
        String modeOptions = options < 0 ? "" : configuredUrl.substring(options).replaceAll("(?i);AUTO_SERVER=TRUE", "");
        return new ScratchDatabase("jdbc:h2:file:" + directory.resolve("bench") + modeOptions,
                () -> deleteTree(directory));
    }

    private static ScratchDatabase postgresql(String configuredUrl, String user, String password) {
        String schema = "medfund_bench_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss"))
                + "_" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000, 0xfffff));
        execute(configuredUrl, user, password, "create schema " + schema);
        String withoutSchema = configuredUrl.replaceAll("([?&])currentSchema=[^&]*&?", "$1").replaceAll("[?&]$", "");
        String separator = withoutSchema.contains("?") ? "&" : "?";
        return new ScratchDatabase(withoutSchema + separator + "currentSchema=" + schema,
                () -> execute(configuredUrl, user, password, "drop schema " + schema + " cascade"));
    }

    String url() {
        return url;
    }

    @Override
    public void close() {
        drop.run();
    }

    private static void execute(String url, String user, String password, String sql) {
        try (var connection = DriverManager.getConnection(url, user, password);
             var statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("scratch database: " + sql + " failed on " + url, e);
        }
    }

    private static void deleteTree(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces the context's data source with a scratch database when {@value #PROPERTY} is set. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(PROPERTY)
    static class Config {

        @Bean(destroyMethod = "close")
        ScratchDatabase scratchDatabase(DataSourceProperties properties) {
            return create(properties.determineUrl(), properties.determineUsername(), properties.determinePassword());
        }

        /** Closed before the scratch database is deleted: Spring destroys a bean before the beans it uses. */
        @Bean
        DataSource dataSource(ScratchDatabase scratch, DataSourceProperties properties) {
            return properties.initializeDataSourceBuilder().url(scratch.url()).build();
        }
    }
}
