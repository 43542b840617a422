package org.medfund.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medfund.DatabaseTest;
import org.medfund.ledger.LedgerAudit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The settlement demo month loads, reconciles and pays every demo hospital; a second run changes nothing. */
@DatabaseTest
class SettlementDemoStepTest {

    @Autowired
    SettlementDemoStep step;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    LedgerAudit audit;

    long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    @Test
    @DisplayName("demo 2026-09: reconciled and paid; idempotent; ledger sound")
    void demoMonth() {
        StringWriter first = new StringWriter();
        step.run(new PrintWriter(first, true));
        long settlements = count("claims_settlement");
        long entries = count("ledger_entry");
        long batches = count("stl_payment_batch");
        assertThat(jdbc.sql("select count(*) from stl_reconciliation where period = 202609 and status = 'PAID'")
                .query(Long.class).single()).isGreaterThanOrEqualTo(15);
        StringWriter second = new StringWriter();
        step.run(new PrintWriter(second, true));
        assertThat(second.toString()).contains("新写入 0 条");
        assertThat(count("claims_settlement")).isEqualTo(settlements);
        assertThat(count("ledger_entry")).isEqualTo(entries);
        assertThat(count("stl_payment_batch")).isEqualTo(batches);
        audit.assertSound();
    }
}
