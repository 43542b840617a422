package org.medfund.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medfund.DatabaseTest;
import org.medfund.ledger.LedgerAudit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** Demo step 720: Henan's 2026 reserve, a confirmed month and a quarter's remittance with one late region; re-runs. */
@DatabaseTest
class CrossregionFundingDemoStepTest {

    @Autowired
    CrossregionFundingDemoStep step;
    @Autowired
    ApplicationContext context;
    @Autowired
    LedgerAudit audit;

    @Test
    @DisplayName("henan-2023 一(二)(三), 四(二): the demo's late region is listed; a second run changes nothing")
    void demo() {
        TestDemo.ensure(context);
        StringWriter text = new StringWriter();
        step.run(new PrintWriter(text, true));
        String again = text.toString();
        // 32,000,000.00 × 1.08 = 34,560,000.00 for 2026; 信阳 remits five days after its last day.
        assertThat(again).contains("34,560,000.00", "上解不到位：信阳市 逾期 5 天", "豫财社〔2023〕178号 三(三)")
                .doesNotContain("上解不到位：平顶山市");
        audit.assertSound();
    }
}
