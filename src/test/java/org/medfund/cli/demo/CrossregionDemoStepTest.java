package org.medfund.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medfund.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Demo step 700 settles one Guizhou visit in Henan with its derivation and runs a Guizhou quarter of quotas, and a
 * second run changes nothing.
 */
@DatabaseTest
class CrossregionDemoStepTest {

    @Autowired
    CrossregionDemoStep step;
    @Autowired
    LedgerDemoStep books;

    private String run() {
        StringWriter text = new StringWriter();
        // The quarter's remittances need the books and opening balances of demo step 300 (idempotent).
        books.run(new PrintWriter(new StringWriter(), true));
        step.run(new PrintWriter(text, true));
        return text.toString();
    }

    @Test
    @DisplayName("guizhou-2017 四(二): demo settlement 3,300.05 → fund 1,700.04; 异地长期居住 refused; idempotent")
    void demo() {
        String first = run();
        assertThat(first).contains("统筹基金 1,700.04 元", "guizhou-2017", "crossregion.filing-type-not-enabled");
        // guizhou-2017 三(三), 五(一)(二): first quotas, 毕节 suspended for paying late and lifted, then red and topped up.
        assertThat(first).contains("贵阳市 2026 年第 1 季度跨省异地就医首期预付金 2,400.00 元",
                "毕节市 2026 年第 1 季度跨省异地就医首期预付金 1,800.00 元", "暂停 毕节市", "启动紧急调增");
        String second = run();
        assertThat(second).contains("已存在", "统筹基金 1,700.04 元").doesNotContain("备案 520100-");
    }
}
