package org.medfund;

import static org.assertj.core.api.Assertions.assertThat;

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
}
