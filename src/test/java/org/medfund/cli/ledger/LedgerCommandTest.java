package org.medfund.cli.ledger;

import org.medfund.cli.CommandTest;
import org.medfund.cli.CliRun;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medfund.DatabaseTest;
import org.medfund.common.Money;
import org.medfund.ledger.BookType;
import org.medfund.ledger.BusinessEvent;
import org.medfund.ledger.Ledger;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code medfund ledger verify} passes on an intact book and, after a stored entry is altered, prints the first
 * broken link and exits non-zero; {@code bench ledger} posts and compares with raw JDBC.
 */
@DatabaseTest
class LedgerCommandTest extends CommandTest {

    @Autowired
    Ledger ledger;

    @Autowired
    JdbcClient jdbc;

    @Test
    @DisplayName("ledger verify --book: passes, then fails at exactly the altered entry, passes again once restored")
    void verify() {
        String book = "TCLI-" + Long.toString(System.nanoTime(), 36);
        ledger.openBook(book, BookType.AGENCY, "命令行测试");
        for (int i = 1; i <= 3; i++) {
            ledger.post(new BusinessEvent("interest.received", book + "-" + i, LocalDate.of(2025, 3, 21), null,
                    Money.ofYuan(i + ".00"), Map.of("agency", book), null, null, null, null, null, "利息"));
        }
        CliRun ok = run("ledger", "verify", "--book", book);
        assertThat(ok.exitCode()).isZero();
        assertThat(ok.out()).contains("校验通过").contains("3 张凭证").contains("封签");

        jdbc.sql("update ledger_line set credit_fen = 999 where org_code = :book and sequence_no = 2 and line_no = 2")
                .param("book", book).update();
        try {
            CliRun broken = run("ledger", "verify", "--book", book);
            assertThat(broken.exitCode()).isEqualTo(LedgerCommand.EXIT_BROKEN);
            assertThat(broken.out()).contains("账套 " + book + " 第 2 号凭证").contains("被改动")
                    .contains("余额缓存").doesNotContainPattern("[0-9a-f]{64}");
        } finally {
            jdbc.sql("update ledger_line set credit_fen = 200 where org_code = :book and sequence_no = 2 "
                    + "and line_no = 2").param("book", book).update();
        }
        assertThat(run("ledger", "verify", "--book", book).exitCode()).isZero();
        assertThat(run("ledger", "verify", "--book", "NO-SUCH-BOOK").exitCode()).isEqualTo(2);
    }

    @Test
    @DisplayName("bench ledger --entries 200 prints both rates and their ratio")
    void bench() {
        CliRun run = run("bench", "ledger", "--entries", "200", "--batch", "50");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("记账路径").contains("原始 JDBC").contains("比值");
        assertThat(run("bench", "ledger", "--entries", "0").exitCode()).isEqualTo(2);
    }
}
