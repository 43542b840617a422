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
 * Demo step 765 takes 贵州省本级 through 2026 Q3: the quota paid from the 省本级 special account (附件二 二(一)4-5), the
 * month's cross-province clearing, and the quarter's in-province clearing with the province agency's entry 二(二)3;
 * a second run answers the same results.
 */
@DatabaseTest
class ProvinceLevelDemoStepTest {

    @Autowired
    LedgerDemoStep books;
    @Autowired
    CrossregionDemoStep quarter;
    @Autowired
    CrossregionClearingDemoStep clearing;
    @Autowired
    ProvinceLevelDemoStep step;
    @Autowired
    LedgerAudit audit;

    private String run() {
        books.run(new PrintWriter(new StringWriter(), true));
        quarter.run(new PrintWriter(new StringWriter(), true));
        clearing.run(new PrintWriter(new StringWriter(), true));
        StringWriter text = new StringWriter();
        step.run(new PrintWriter(text, true));
        return text.toString();
    }

    @Test
    @DisplayName("guizhou-2017 附件二 二(一)4、二(二)3: the demo's province-level quarter, posted and idempotent")
    void demo() {
        String first = run();
        assertThat(first).contains("贵州省本级 2026 年第 3 季度", "预付金 12,000.00 元", "省级财政专户已到账",
                "2026-08 跨省清算 贵州省本级 付款 河南省", "2026 年第 3 季度省内清算 贵州省本级",
                "凭证 529900-AGENCY", "附件二 二(二)3", "省级已冲销市州预付金");
        String second = run();
        assertThat(second).contains("2026 年第 3 季度省内清算 贵州省本级", "附件二 二(二)3");
        audit.assertSound();
    }
}
