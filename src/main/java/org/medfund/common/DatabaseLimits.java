package org.medfund.common;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Bounds on every database session (issue 11: one stuck request held its connection for ever, ten of them took the
 * pool). Each connection of the pool starts with a statement timeout and a lock timeout, and on PostgreSQL also an
 * idle-in-transaction timeout, so that neither a runaway query nor a transaction its thread stopped driving can hold
 * a connection without bound. The statements differ per database, which is why this is code and not a property.
 * Transactions have their own bound ({@code spring.transaction.default-timeout}); long jobs name a longer one.
 *
 * <p>Settings (durations such as {@code 120s}): {@code medfund.db.statement-timeout}, {@code medfund.db.lock-timeout},
 * {@code medfund.db.idle-in-transaction-timeout}.
 */
@Configuration
public class DatabaseLimits {

    public static final Duration STATEMENT_TIMEOUT_DEFAULT = Duration.ofSeconds(120);
    public static final Duration LOCK_TIMEOUT_DEFAULT = Duration.ofSeconds(60);
    public static final Duration IDLE_IN_TRANSACTION_TIMEOUT_DEFAULT = Duration.ofSeconds(300);

    /** The limits of one session, in milliseconds. */
    record Limits(long statementMillis, long lockMillis, long idleInTransactionMillis) {
    }

    @Bean
    static BeanPostProcessor databaseSessionLimits(Environment environment) {
        Binder binder = Binder.get(environment);
        Limits limits = new Limits(
                binder.bind("medfund.db.statement-timeout", Duration.class).orElse(STATEMENT_TIMEOUT_DEFAULT)
                        .toMillis(),
                binder.bind("medfund.db.lock-timeout", Duration.class).orElse(LOCK_TIMEOUT_DEFAULT).toMillis(),
                binder.bind("medfund.db.idle-in-transaction-timeout", Duration.class)
                        .orElse(IDLE_IN_TRANSACTION_TIMEOUT_DEFAULT).toMillis());
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof HikariDataSource pool && pool.getConnectionInitSql() == null) {
                    pool.setConnectionInitSql(initSql(pool.getJdbcUrl(), limits));
                }
                return bean;
            }
        };
    }

    /** The statement each new connection runs first, or null for a database we know no settings of. */
    static String initSql(String jdbcUrl, Limits limits) {
        if (jdbcUrl == null) {
            return null;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return "set statement_timeout = " + limits.statementMillis() + "; set lock_timeout = " + limits.lockMillis()
                    + "; set idle_in_transaction_session_timeout = " + limits.idleInTransactionMillis();
        }
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            // H2 (embedded, one process) has no idle-in-transaction setting and keeps its own short lock timeout.
            return "set query_timeout " + limits.statementMillis();
        }
        return null;
    }
}
