package org.medfund.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medfund.DatabaseTest;
import org.medfund.ledger.LedgerAudit;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Demo step 735 clears the Guizhou quarter of step 700: the months answered and cleared, the quarter's in-province
 * clearing issued, confirmed and written down; a second run answers the same clearings.
 */
@DatabaseTest
class CrossregionClearingDemoStepTest {

    @Autowired
    LedgerDemoStep books;
    @Autowired
    CrossregionDemoStep quarter;
    @Autowired
    CrossregionClearingDemoStep step;
    @Autowired
    LedgerAudit audit;

    private String run() {
        books.run(new PrintWriter(new StringWriter(), true));
        quarter.run(new PrintWriter(new StringWriter(), true));
        StringWriter text = new StringWriter();
        step.run(new PrintWriter(text, true));
        return text.toString();
    }

    @Test
    @DisplayName("guizhou-2017 附件一 三: the demo quarter's month and in-province clearings; idempotent")
    void demo() {
        String first = run();
        assertThat(first).contains("2026-03 跨省清算 贵阳市 付款 河南省", "已完成资金划拨", "省内清算 毕节市",
                "省级已冲销市州预付金", "省内异地就医");
        String second = run();
        assertThat(second).contains("2026-03 跨省清算 贵阳市 付款 河南省", "省内清算 毕节市");
        audit.assertSound();
    }
}
