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

/**
 * Demo step 750: October 2026's Henan clearing, netted, paid, a negative hospital advanced and offset against its
 * November plan; re-runs.
 */
@DatabaseTest
class CrossregionMonthlyClearingDemoStepTest {

    @Autowired
    CrossregionMonthlyClearingDemoStep step;
    @Autowired
    ApplicationContext context;
    @Autowired
    LedgerAudit audit;

    @Test
    @DisplayName("henan-2023 三(二)(三): the demo month nets to zero; 罗山's advance is offset in November; a second run adds"
            + " nothing")
    void demo() {
        TestDemo.ensure(context);
        StringWriter text = new StringWriter();
        step.run(new PrintWriter(text, true));
        // Σ receipts = Σ payments: 18,650.40 + 9,320.00 + 2,140.35 + 15,780.22 + 6,210.90 − 350.00 + 980.00.
        assertThat(text.toString()).contains("新导入 0 笔，已存在 7 笔", "应收合计 52,731.87 元 = 应付合计 52,731.87 元",
                "省医保中心留存 0.00 元", "罗山县人民医院 垫付 350.00 元", "应于 2026-10-19 前",
                "各统筹区经办机构拨付至定点医药机构：2026-11-02 前，已完成",
                // henan-2023 三(三): November's 1,280.00 recovers October's 350.00 advance first; 930.00 is paid.
                "2026-11 抵扣垫付：（演示）罗山县人民医院 拨付计划 1,280.00 元，抵扣 2026-10 垫付资金 350.00 元（2026-11-30",
                "实拨 930.00 元（大写：玖佰叁拾元整）", "2026-11 垫付资金待追回：0 笔");
        audit.assertSound();
    }
}
