package org.medfund.cli.bench;

import org.medfund.cli.CommandTest;
import org.medfund.cli.CliRun;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medfund.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The settlement benchmarks run end to end with tiny sizes through the CLI, print both rates and the ratio, and
 * leave no benchmark rows behind. No timing is asserted (performance is measured by running them, see
 * docs/performance.md).
 */
@DatabaseTest
class BenchCommandTest extends CommandTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    @DisplayName("bench intake --rows 200: import path and raw load both rated, ratio printed, rows cleaned up")
    void intake() {
        CliRun r = run("bench", "intake", "--rows", "200");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("导入 200 行（新写入 200）").containsPattern("导入路径: [\\d,]+ 行/秒")
                .containsPattern("原始 (COPY|JDBC 批量插入（H2 无 COPY）): [\\d,]+ 行/秒").contains("比值")
                .contains("删除基准结算记录 200 行");
        assertThat(jdbc.sql("select count(*) from claims_settlement where period = 200101").query(Long.class)
                .single()).isZero();
    }

    @Test
    @DisplayName("bench month-end --settlements 200 --hospitals 2: services and raw GROUP BY timed, ratio printed")
    void monthEnd() {
        CliRun r = run("bench", "month-end", "--settlements", "200", "--hospitals", "2");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("对账 2/2").containsPattern("结算批次 \\d+：\\d+ 行")
                .containsPattern("对账\\+结算（真实服务）: [\\d.]+ 秒").contains("原始 GROUP BY（200 行）").contains("比值");
        // A second run takes the next month, so it neither collides with the first nor touches demo months.
        CliRun again = run("bench", "month-end", "--settlements", "200", "--hospitals", "2");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("基准医院新建 0 家").contains("月份 2024-02");
    }

    @Test
    @DisplayName("bench intake --rows 0 is refused naming the option, exit code 2")
    void intakeRefusesZeroRows() {
        CliRun r = run("bench", "intake", "--rows", "0");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--rows");
    }
}
