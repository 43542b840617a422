package org.medfund.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medfund.DatabaseTest;
import org.medfund.common.Money;
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

        Actor province = Actor.system("410000-CENTRE");
        var netted = prepayments.prepayment("PP-2025-H41042100001-310", province);
        assertThat(netted.toRecover().isPositive()).isTrue();
        var topUp = prepayments.prepayment("PP-2025-H41040200001-310", province);
        assertThat(topUp.toPay().isPositive()).isTrue();
        // 1.5 × 1,234,567.89 = 1,851,851.835 → 1,851,851.84 (rounded once, half-up). Other database tests (claims,
        // settlement) may add 2023 settlements for the same registry hospital before this one runs, so the amount is
        // checked against its own derivation, and against the demo's figure when only the demo's data is there.
        var sized2024 = prepayments.prepayment("PP-2024-H41042100001-310", province);
        Money total = Money.ofYuan(input(sized2024.derivation(), "2023 年合计"));
        long months = Long.parseLong(input(sized2024.derivation(), "计算月数").replaceAll("\\D.*", ""));
        assertThat(sized2024.sized().fen()).isEqualTo(java.math.BigDecimal.valueOf(total.fen())
                .multiply(new java.math.BigDecimal("1.5"))
                .divide(java.math.BigDecimal.valueOf(months), 0, java.math.RoundingMode.HALF_UP).longValueExact());
        if (total.equals(Money.ofYuan("1234567.89").times(java.math.BigDecimal.valueOf(12),
                java.math.RoundingMode.UNNECESSARY)) && months == 12) {
            assertThat(sized2024.sized()).isEqualTo(Money.ofYuan("1851851.84"));
        }
        var cleared = prepayments.prepayment("PP-2025-H41150200001-310", Actor.system("411500-AGENCY"));
        assertThat(cleared.clearingMethod()).isEqualTo("RETURN");
        assertThat(prepayments.prepayment("PP-2025-H41152100001-310", Actor.system("411500-AGENCY"))
                .clearingMethod()).isEqualTo("OFFSET");
        assertThat(prepayments.invariantBreaks(LocalDate.of(2026, 12, 31))).isEmpty();
    }

    private static String input(org.medfund.common.Derivation derivation, String name) {
        return derivation.inputs().stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow().value();
    }
}
