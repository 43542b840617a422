package org.medfund.cli.crossregion;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfund.DatabaseTest;
import org.medfund.cli.CliRun;
import org.medfund.ledger.LedgerAudit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * guizhou-2017 附件一 二(一)1 on the command line: a national prepayment sheet imported once (the same file again
 * changes nothing), a bad file refused with every bad line and exit code 2. The year 2027's sheet is used by no other
 * test or demo step.
 */
@DatabaseTest
class ImportNationalCommandTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    LedgerAudit audit;

    @TempDir
    Path dir;

    @Test
    @DisplayName("guizhou-2017 附件一 二(一)1: import-national reads the sheet once; a bad line refuses the file, exit 2")
    void sheet() throws Exception {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "year,province_code,province_name,pay_amount,receive_amount\n"
                + "2027,410000,河南省,-5.00,0\n2027,41000,河南省,1.00,0\n");
        CliRun refused = CliRun.of(context, "crossregion", "import-national", bad.toString(), "--kind",
                "PREPAYMENT_SHEET", "--date", "2027-02-08", "--org", "520000-CENTRE", "--user", "cli-gz");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("2 处错误，未导入任何记录", "第 2 行 pay_amount", "第 3 行 province_code");

        Path sheet = dir.resolve("sheet.csv");
        Files.writeString(sheet, "\uFEFFyear,province_code,province_name,pay_amount,receive_amount\n"
                + "2027,410000,河南省,80000.00,60000.00\n2027,440000,广东省,15000,0\n");
        String[] args = {"crossregion", "import-national", sheet.toString(), "--kind", "PREPAYMENT_SHEET", "--date",
                "2027-02-08", "--org", "520000-CENTRE", "--user", "cli-gz"};
        CliRun first = CliRun.of(context, args);
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("已导入 全国跨省异地就医费用预付金明细表 2027：2 行，合计 35,000.00 元");
        CliRun again = CliRun.of(context, args);
        assertThat(again.out()).contains("该文件此前已导入，未重复写入");
        audit.assertSound();
    }
}
