package org.medfund;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The context starts on the test database and the migrations ran. */
@DatabaseTest
class SmokeTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void migrationsRan() {
        assertThat(jdbc.sql("select count(*) from request_log").query(Long.class).single()).isGreaterThanOrEqualTo(0);
    }
}
