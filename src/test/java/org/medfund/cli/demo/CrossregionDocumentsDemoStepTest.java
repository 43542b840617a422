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

/** Demo step 740: the Guizhou quarter's documents and the national files; a second run changes nothing. */
@DatabaseTest
class CrossregionDocumentsDemoStepTest {

    @Autowired
    CrossregionDocumentsDemoStep step;
    @Autowired
    ApplicationContext context;
    @Autowired
    LedgerAudit audit;

    @Test
    @DisplayName("guizhou-2017 附件一 一、二: the demo's notice, national imports and usage plan; a rerun imports nothing")
    void demo() {
        TestDemo.ensure(context);
        StringWriter text = new StringWriter();
        step.run(new PrintWriter(text, true));
        String again = text.toString();
        // 贵阳市: cross-province 2,400.00 + in-province 1,200.00 (3,600.00 a year ÷ 12 × 4), to the seed's account.
        assertThat(again).contains("贵州省异地就医费用预付金明细表 2026 年第 1 季度", "黔人社厅通〔2017〕204号 附件一 一(一)",
                "贵阳市 应上解 3,600.00 元（大写：叁仟陆佰元整）", "贵州省财政厅 2402002129014452854-000000008 中国工商银行贵州省新支行",
                "已导入过（未重复写入）全国异地就医费用清算明细 2025-12：3 行",
                "已导入过（未重复写入）跨省预付金收款通知书（首次） GZ-2026-YFJ-001：3 行",
                "2025-12 贵阳市 外省参保人员在本省就医 2 笔，基金支付 15,896.54 元",
                "净支付 27,499.50 元", "省级经办机构已到账", "外省参保人员在本省就医 15,896.54 元")
                .doesNotContain("已导入 全国");
        audit.assertSound();
    }
}
