package org.medfund.cli.crossregion;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfund.DatabaseTest;
import org.medfund.cli.CliRun;
import org.medfund.cli.demo.TestDemo;
import org.medfund.ledger.LedgerAudit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * guizhou-2017 附件一 三(一) on the command line: May 2026's national detail of Guizhou (used by no other test or demo
 * step) imported, submitted by the centre, paid by province finance and received by 贵阳市; each step again answers
 * the first; a mistyped month is one Chinese line with exit code 2.
 */
@DatabaseTest
class NationalClearingCommandTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    LedgerAudit audit;

    @TempDir
    Path dir;

    @Test
    @DisplayName("guizhou-2017 附件一 三(一): crossregion national submit, pay, receive and show; a bad month, exit 2")
    void steps() throws Exception {
        TestDemo.ensure(context);
        Path file = dir.resolve("2026-05.csv");
        Files.writeString(file, "trt_year,trt_month,seqno,mdtrtarea_admvs,insuplc_admdvs,medins_no,certno,mdtrt_id,"
                + "mdtrt_setl_time,setl_sn,fulamt_advpay_flag,medfee_sumamt,optins_pay_sumamt\n"
                + "2026,5,1,520102,410402,H52010200001,410402195101010011,CLI-NC-M1,2026-05-06,CLI-NC-S1,0,4000.00,"
                + "2800.00\n");
        CliRun imported = CliRun.of(context, "crossregion", "import-national", file.toString(), "--kind",
                "CLEARING_DETAIL", "--date", "2026-06-05", "--org", "520000-CENTRE", "--user", "cli-nc");
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        String[] submit = {"crossregion", "national", "submit", "--month", "2026-05", "--date", "2026-06-05", "--org",
                "520000-CENTRE", "--user", "cli-nc"};
        assertThat(CliRun.of(context, submit).out()).contains(
                "NCL-2026-05-R-520100-410000 贵阳市 收款 河南省：1 条，基金支付 2,800.00 元，已确认并提交省级财政部门");
        assertThat(CliRun.of(context, submit).out()).contains("已确认并提交省级财政部门");
        // --org and --user come from the ActingAs mixin; the audit row still names both.
        assertThat(context.getBean(JdbcClient.class).sql("select username || ' ' || org_code from audit_log"
                        + " where target like 'crossregion national submit --month 2026-05%'")
                .query(String.class).list())
                .isNotEmpty().containsOnly("cli-nc 520000-CENTRE");
        assertThat(CliRun.of(context, "crossregion", "national", "pay", "--month", "2026-05", "--date", "2026-06-12",
                "--org", "520000-FINANCE", "--user", "cli-nf").out()).contains("已划拨就医地（在途）");
        CliRun received = CliRun.of(context, "crossregion", "national", "receive", "NCL-2026-05-R-520100-410000",
                "--date", "2026-06-15", "--org", "520100-AGENCY", "--user", "cli-gy");
        assertThat(received.out()).as(received.err()).contains("就医地已确认到账");
        assertThat(CliRun.of(context, "crossregion", "national", "show", "--month", "2026-05", "--org",
                "520100-AGENCY", "--user", "cli-gy").out()).contains("贵阳市 收款 河南省");
        CliRun bad = CliRun.of(context, "crossregion", "national", "show", "--month", "2026-5x", "--org",
                "520000-CENTRE", "--user", "cli-nc");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("清算月份应为 yyyy-MM");
        audit.assertSound();
    }
}
