package org.medfund.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.YearMonth;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medfund.DatabaseTest;
import org.medfund.crossregion.NationalClearingLine;
import org.medfund.crossregion.NationalClearingState;
import org.medfund.crossregion.NationalClearings;
import org.medfund.ledger.LedgerAudit;
import org.medfund.registry.Actor;
import org.medfund.registry.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** Demo step 760: June 2026's national clearing of both regimes booked both ways; a second run changes nothing. */
@DatabaseTest
class NationalClearingDemoStepTest {

    @Autowired
    NationalClearingDemoStep step;
    @Autowired
    NationalClearings national;
    @Autowired
    ApplicationContext context;
    @Autowired
    LedgerAudit audit;

    @Test
    @DisplayName("guizhou-2017 附件一 三(一), henan-2023 四(一): the demo's 收款 and 付款 of June 2026; a rerun is the same")
    void demo() {
        TestDemo.ensure(context);
        StringWriter text = new StringWriter();
        step.run(new PrintWriter(text, true));
        assertThat(text.toString()).contains("贵阳市 收 河南省 13,055.00 元：就医地已确认到账",
                "遵义市 收 河南省 6,860.00 元：就医地已确认到账",
                "平顶山市 付 河北省（城乡居民基本医疗保险） 15,050.00 元：已完成资金划拨",
                "信阳市 收 贵州省（城乡居民基本医疗保险） 5,880.00 元：就医地已确认到账")
                .doesNotContain("付 河南省");
        assertThat(national.lines(YearMonth.of(2026, 6), new Actor("t-ncd", "520000-CENTRE", Set.of(Role.CLERK))))
                .extracting(NationalClearingLine::state).containsOnly(NationalClearingState.RECEIVED);
        audit.assertSound();
    }
}
