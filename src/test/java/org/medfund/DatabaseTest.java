package org.medfund;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ContextConfiguration;

/**
 * A test that needs the database. All such tests share one Spring context (keep this annotation the only
 * configuration on the class, so the context is cached) on a fresh database of their own: H2 in memory by default,
 * a fresh PostgreSQL schema when run with {@code -Dmedfund.test.database=postgresql} (the {@code postgresql}
 * surefire execution, active when {@code MEDFUND_TEST_PG_URL} is set). Tests share that database, so each test
 * creates the data it needs under names of its own and never assumes an empty table.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("db")
@SpringBootTest
@AutoConfigureMockMvc
@ContextConfiguration(initializers = TestDatabase.class)
public @interface DatabaseTest {
}
