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

/** Demo step 770: the 2026 clearing's carries in the 2027 reserve and second-quarter notice; a re-run repeats it. */
@DatabaseTest
class CarryDemoStepTest {

    @Autowired
    CarryDemoStep step;
    @Autowired
    ApplicationContext context;
    @Autowired
    LedgerAudit audit;

    @Test
    @DisplayName("henan-2023 三(四): the demo's surplus and shortfall change the 2027 reserve and remittance, once")
    void demo() {
        TestDemo.ensure(context);
        StringWriter text = new StringWriter();
        step.run(new PrintWriter(text, true));
        assertThat(text.toString()).contains("结转：2026 年度清算 平顶山市 城乡居民基本医疗保险 -123,456.78 元",
                "结转：2026 年度清算 信阳市 城乡居民基本医疗保险 234,567.89 元",
                "结转：2026 年度清算 信阳市 职工基本医疗保险 -104,908.83 元 → 2027 年第 2 季度城镇职工医保异地就医上解资金，"
                        + "计入 -104,908.83 元（已计入）", "上年度清算结转 -104,908.83 元")
                .doesNotContain("待计入");
        audit.assertSound();
    }
}
