package org.medfund.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medfund.DatabaseTest;
import org.medfund.ledger.Ledger;
import org.medfund.ledger.LedgerAudit;
import org.medfund.ledger.TransferStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Demo step 745: 贵阳市's quota split over 南明区 (received) and 云岩区 (in transit), a bank fee outside the fund and
 * the quarter's interest to each holder's fund; a second run changes nothing.
 */
@DatabaseTest
class CrossregionBooksDemoStepTest {

    @Autowired
    CrossregionBooksDemoStep step;
    @Autowired
    ApplicationContext context;
    @Autowired
    Ledger ledger;
    @Autowired
    LedgerAudit audit;

    @Test
    @DisplayName("guizhou-2017 附件二 一(一)1-3, 五(三): the demo's county shares, fee and interest; a rerun is a no-op")
    void demo() {
        TestDemo.ensure(context);
        StringWriter text = new StringWriter();
        step.run(new PrintWriter(text, true));
        // 2,400.00 × 1,500 ÷ 6,000 = 600.00 for 南明区, × 500 ÷ 6,000 = 200.00 for 云岩区.
        assertThat(text.toString()).contains("南明区 应划拨 600.00 元", "市州财政已到账", "云岩区 应划拨 200.00 元",
                "已划拨（在途）", "银行手续费 0.50 元在基金账外登记", "利息 25.30 元归河南省基金");
        assertThat(ledger.transfer("CRQ-520100-2026Q1-XP-1-520103").orElseThrow().status())
                .isEqualTo(TransferStatus.IN_TRANSIT);
        assertThat(ledger.balance("520100-AGENCY", "2211.01", "520102-AGENCY", null, LocalDate.of(2030, 1, 1)))
                .hasToString("600.00");
        audit.assertSound();
    }
}
