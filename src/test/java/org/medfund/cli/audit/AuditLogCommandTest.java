package org.medfund.cli.audit;

import org.medfund.cli.CliRun;
import org.medfund.cli.OneLineErrors;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medfund.DatabaseTest;
import org.medfund.common.AuditLog;
import org.medfund.ledger.BookType;
import org.medfund.ledger.Ledger;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Issue 11: CLI commands that write are in the audit log (the operating-system user, the book or organisation,
 * the command, the request id, the outcome); reads are not; {@code medfund audit-log} lists the rows.
 */
@DatabaseTest
class AuditLogCommandTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    Ledger ledger;

    @Autowired
    AuditLog audit;

    private List<AuditLog.Entry> rowsOf(String org) {
        return audit.find(new AuditLog.Filter(null, org, null, null, null, null, null), AuditLog.Reader.OPERATOR,
                100);
    }

    @Test
    @DisplayName("ledger close-period is logged (os user, book, command, closed period), a repeat as replayed; "
            + "ledger verify is not; a refused close-period is logged as refused")
    void cliWrites() {
        String book = "TAUD-" + UUID.randomUUID().toString().substring(0, 8);
        ledger.openBook(book, BookType.AGENCY, "审计日志测试");
        assertThat(CliRun.of(context, "ledger", "close-period", "--book", book, "--period", "2018-01").exitCode())
                .isZero();
        assertThat(CliRun.of(context, "ledger", "verify", "--book", book).exitCode()).isZero();
        assertThat(rowsOf(book)).singleElement().satisfies(e -> {
            assertThat(e.channel()).isEqualTo(AuditLog.Channel.CLI);
            assertThat(e.who().username()).isEqualTo("os:" + System.getProperty("user.name"));
            assertThat(e.command()).isEqualTo("ledger close-period");
            assertThat(e.target()).contains("--period 2018-01");
            assertThat(e.requestId()).startsWith("cli-");
            assertThat(e.result().outcome()).isEqualTo(AuditLog.Outcome.DONE);
            assertThat(e.result().businessIds()).contains("closed=" + book + "@2018-01");
        });

        assertThat(CliRun.of(context, "ledger", "close-period", "--book", book, "--period", "2018-01").exitCode())
                .isZero();
        assertThat(rowsOf(book)).extracting(e -> e.result().outcome())
                .containsExactly(AuditLog.Outcome.REPLAYED, AuditLog.Outcome.DONE);

        String missing = book + "-X";
        CliRun refused = CliRun.of(context, "ledger", "close-period", "--book", missing, "--period", "2018-01");
        assertThat(refused.exitCode()).isEqualTo(OneLineErrors.EXIT_BAD_INPUT);
        assertThat(rowsOf(missing)).singleElement().satisfies(e -> {
            assertThat(e.result().outcome()).isEqualTo(AuditLog.Outcome.REJECTED);
            assertThat(e.result().code()).isEqualTo("ledger.book-missing");
            assertThat(e.result().reason()).contains(missing);
        });

        CliRun listed = CliRun.of(context, "audit-log", "--org-code", book);
        assertThat(listed.exitCode()).isZero();
        assertThat(listed.out()).contains("ledger close-period").contains("成功").contains("重放").contains("共 2 条");
        assertThat(CliRun.of(context, "audit-log", "--from", "2025-02-30").exitCode())
                .isEqualTo(OneLineErrors.EXIT_BAD_INPUT);
    }
}
