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

/** Demo step 755: the region plans' money and the 2026 annual clearing (surplus and shortfall); a re-run repeats it. */
@DatabaseTest
class HenanClearingDemoStepTest {

    @Autowired
    HenanClearingDemoStep step;
    @Autowired
    ApplicationContext context;
    @Autowired
    LedgerAudit audit;

    @Test
    @DisplayName("henan-2023 二(二), 三(四): a second run reports the same payments and the same clearing")
    void demo() {
        TestDemo.ensure(context);
        StringWriter text = new StringWriter();
        step.run(new PrintWriter(text, true));
        // Due by the end of March 2027 (a Wednesday), cleared on the 26th.
        assertThat(text.toString()).contains("2026 年度异地就医资金年度清算：应于 2027-03-31 前完成，2027-03-26 完成",
                "平顶山市 城乡居民基本医疗保险：资金 19,440,000.00 元", "结余，抵扣当年资金 123,456.78 元",
                "不足，在下次分配资金中补足 234,567.89 元", "收支相抵 0.00 元")
                .doesNotContain("待划拨");
        audit.assertSound();
    }
}
