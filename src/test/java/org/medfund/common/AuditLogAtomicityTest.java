package org.medfund.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medfund.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit row of a change is written in the change's own transaction, just before it commits: a change that
 * rolls back leaves no "done" row, one that commits always has its row, and a second transaction of the same action
 * counts itself into that row.
 */
@DatabaseTest
class AuditLogAtomicityTest {

    @Autowired
    AuditLog audit;

    @Autowired
    RequestLog requestLog;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    private List<AuditLog.Entry> rows(String username) {
        return audit.find(new AuditLog.Filter(username, null, null, null, null, null, null),
                AuditLog.Reader.OPERATOR, 10);
    }

    private long requests(String id) {
        return jdbc.sql("select count(*) from request_log where scope = 'audit-test' and request_id = :id")
                .param("id", id).query(Long.class).single();
    }

    @Test
    @DisplayName("rolled back: neither the change nor a row; committed: both; a second commit counts into the row")
    void rowCommitsWithTheChange() {
        String username = "atom-" + UUID.randomUUID();
        AuditLog.Action action = new AuditLog.Action(AuditLog.Channel.CLI, new AuditLog.Who(username, null, null),
                () -> "rid-" + username, () -> "test change", () -> "", false, clock);
        assertThat(audit.bind(action)).isTrue();
        try {
            transactions.executeWithoutResult(tx -> {
                requestLog.once("audit-test", username + "-1", "f", () -> "x");
                tx.setRollbackOnly();
            });
            assertThat(requests(username + "-1")).isZero();
            assertThat(rows(username)).isEmpty();

            transactions.executeWithoutResult(tx -> requestLog.once("audit-test", username + "-2", "f", () -> "x"));
            assertThat(requests(username + "-2")).isOne();
            assertThat(rows(username)).singleElement().satisfies(e -> {
                assertThat(e.result().outcome()).isEqualTo(AuditLog.Outcome.DONE);
                assertThat(e.result().transactions()).isOne();
            });

            transactions.executeWithoutResult(tx -> requestLog.once("audit-test", username + "-3", "f", () -> "x"));
        } finally {
            audit.finish(action, AuditLog.Outcome.DONE, 0, null);
        }
        assertThat(rows(username)).singleElement().satisfies(e -> {
            assertThat(e.result().transactions()).isEqualTo(2);
            assertThat(e.requestId()).isEqualTo("rid-" + username);
            assertThat(e.channel()).isEqualTo(AuditLog.Channel.CLI);
        });
    }

    @Test
    @DisplayName("read-only transactions and unbound threads write nothing; a bound read-only action leaves no row")
    void readsWriteNothing() {
        String username = "read-" + UUID.randomUUID();
        AuditLog.Action action = new AuditLog.Action(AuditLog.Channel.CLI, new AuditLog.Who(username, null, null),
                () -> "rid", () -> "test read", () -> "", false, clock);
        audit.bind(action);
        TransactionTemplate readOnly = new TransactionTemplate(transactions.getTransactionManager());
        readOnly.setReadOnly(true);
        readOnly.executeWithoutResult(tx -> jdbc.sql("select count(*) from request_log").query(Long.class).single());
        audit.finish(action, AuditLog.Outcome.DONE, 0, null);
        assertThat(action.writeBegun()).isFalse();
        assertThat(rows(username)).isEmpty();
    }
}
