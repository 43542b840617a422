package org.medfund.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medfund.DatabaseTest;
import org.medfund.prepayment.ClearingMethod;
import org.medfund.prepayment.PrepaymentStatus;
import org.medfund.prepayment.Prepayments;
import org.medfund.registry.Actor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Demo step 600 runs a prepayment year in 平顶山 and 信阳 and changes nothing when run again. */
@DatabaseTest
class PrepaymentDemoStepTest {

    @Autowired
    PrepaymentDemoStep step;
    @Autowired
    Prepayments prepayments;
    @Autowired
    JdbcClient jdbc;

    @Test
    @DisplayName("demo: netting, recovery and all-or-nothing clearing; idempotent; ledger = register")
    void demoYear() {
        StringWriter first = new StringWriter();
        try {
            step.run(new PrintWriter(first, true));
        } finally {
            System.out.println("DEMO-OUTPUT\n" + first);
        }
        long movements = jdbc.sql("select count(*) from prepayment_movement").query(Long.class).single();
        long entries = jdbc.sql("select count(*) from ledger_entry").query(Long.class).single();
        StringWriter second = new StringWriter();
        step.run(new PrintWriter(second));
        assertThat(jdbc.sql("select count(*) from prepayment_movement").query(Long.class).single())
                .isEqualTo(movements);
        assertThat(jdbc.sql("select count(*) from ledger_entry").query(Long.class).single()).isEqualTo(entries);
        assertThat(second.toString()).contains("未作改动");
        assertThat(first.toString()).contains("全额交回", "全额冲抵", "财产保全", "不预拨");

        // Other tests may store settlements for the same demo hospitals, so amounts are checked by identity, not value.
        Actor province = Actor.system("410000-CENTRE");
        for (String id : new String[] {"PP-2025-H41042100001-310", "PP-2025-H41040200001-310"}) {
            var row = prepayments.prepayment(id, province);
            assertThat(row.toPay().minus(row.toRecover())).isEqualTo(row.sized().minus(row.outstandingBefore()));
            assertThat(row.status()).isEqualTo(PrepaymentStatus.DISBURSED);
        }
        var cleared = prepayments.prepayment("PP-2025-H41150200001-310", Actor.system("411500-AGENCY"));
        assertThat(cleared.clearingMethod()).isEqualTo(ClearingMethod.RETURN);
        assertThat(prepayments.prepayment("PP-2025-H41152100001-310", Actor.system("411500-AGENCY"))
                .clearingMethod()).isEqualTo(ClearingMethod.OFFSET);
        assertThat(prepayments.invariantBreaks(LocalDate.of(2026, 12, 31))).isEmpty();
    }
}
