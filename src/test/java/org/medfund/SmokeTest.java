package org.medfund;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The context starts on the test database, every migration ran and succeeded, and the reference data loaded. */
@DatabaseTest
class SmokeTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Flyway flyway;

    @Test
    void migrationsRan() {
        MigrationInfo[] all = flyway.info().all();
        assertThat(flyway.info().pending()).as("pending migrations").isEmpty();
        assertThat(all).as("applied migrations").isNotEmpty().allSatisfy(m -> assertThat(m.getState().isFailed())
                .as("migration %s failed", m.getVersion()).isFalse());
        assertThat(jdbc.sql("select count(*) from registry_region where code = '410000'").query(Long.class).single())
                .as("the registry's reference data (河南省) loaded").isEqualTo(1);
    }

    @Test
    void storedAnswersCompressedWithLz4OnPostgresql() {
        assumeTrue(TestDatabase.KIND.equals("postgresql"), "db/vendor/postgresql runs on PostgreSQL only");
        assumeTrue(jdbc.sql("select count(*) from pg_settings where name = 'default_toast_compression'"
                + " and 'lz4' = any (enumvals)").query(Long.class).single() == 1, "this server has no LZ4");
        assertThat(jdbc.sql("select attcompression from pg_attribute where attrelid = 'request_log'::regclass"
                + " and attname = 'result'").query(String.class).single()).isEqualTo("l");
    }
}
