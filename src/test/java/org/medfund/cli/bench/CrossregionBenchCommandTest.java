package org.medfund.cli.bench;

import org.medfund.cli.CliRun;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.medfund.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * bench crossregion-settle runs end to end with tiny sizes (PostgreSQL only: it needs a scratch schema), prints both
 * rates, the ratio and the booking check, and refuses a non-PostgreSQL URL. No timing is asserted.
 */
@DatabaseTest
class CrossregionBenchCommandTest {

    @Autowired
    ApplicationContext context;

    @Test
    @DisplayName("bench crossregion-settle refuses a database that is not PostgreSQL, naming --pg-url")
    void refusesH2() {
        CliRun r = CliRun.of(context, "bench", "crossregion-settle", "--pg-url", "jdbc:h2:mem:x");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--pg-url");
    }

    @Test
    @EnabledIfEnvironmentVariable(named = "MEDFUND_TEST_PG_URL", matches = "jdbc:postgresql:.*")
    @EnabledIfSystemProperty(named = "medfund.test.database", matches = "h2") // once per build, not per database
    @DisplayName("bench crossregion-settle: trivial and discharge-desk rates, ratio, every settlement booked once")
    void tinyRun() {
        CliRun r = CliRun.of(context, "bench", "crossregion-settle", "--pg-url", System.getenv("MEDFUND_TEST_PG_URL"),
                "--pg-user", System.getenv().getOrDefault("MEDFUND_TEST_PG_USER", "postgres"), "--seconds", "1",
                "--warmup-seconds", "0", "--threads", "2", "--cards", "5");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("简单端点（鉴权 \\+ 插入一行）: [\\d,]+ 请求/秒").contains("比值")
                .containsPattern("核对：成功结算应答 [\\d,]+ 次").contains("已删除临时 schema")
                // Linux: the host's share of the machine (steal) beside each phase's CPU figures.
                .containsPattern("宿主占用（steal）\\d+\\.\\d%");
    }
}
