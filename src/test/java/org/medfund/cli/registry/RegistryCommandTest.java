package org.medfund.cli.registry;

import org.medfund.cli.CommandTest;
import org.medfund.cli.CliRun;
import org.medfund.cli.demo.RegistryDemoStep;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medfund.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;

/** {@code medfund registry …} prints the reference data; unknown codes exit 2 with one line. */
@DatabaseTest
class RegistryCommandTest extends CommandTest {

    @Autowired
    RegistryDemoStep demoStep;

    @Test
    @DisplayName("regions: provinces by default, sub-regions with --parent")
    void regions() {
        CliRun provinces = run("registry", "regions");
        assertThat(provinces.exitCode()).isZero();
        assertThat(provinces.out()).contains("410000  河南省  省级").contains("520000  贵州省")
                .contains("460000  海南省").contains("130000  河北省").contains("共 4 个统筹区");
        CliRun xinyang = run("registry", "regions", "--parent", "411500");
        assertThat(xinyang.out()).contains("411528  息县  县级").contains("共 10 个统筹区");
    }

    @Test
    @DisplayName("orgs --region lists agencies, finance and hospitals of the region")
    void orgs() {
        CliRun run = run("registry", "orgs", "--region", "411528");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("411528-AGENCY  息县医疗保障服务中心").contains("H41152800001")
                .contains("二级  定点").contains("[演示]");
        CliRun below = run("registry", "orgs", "--region", "411500", "--kind", "HOSPITAL", "--all-below");
        assertThat(below.out()).contains("H41150200001").contains("市级结算").contains("H41152500001");
    }

    @Test
    @DisplayName("show: a region with its lineage, an org with its accounts")
    void show() {
        CliRun region = run("registry", "show", "130473");
        assertThat(region.exitCode()).isZero();
        assertThat(region.out()).contains("130473  邯郸冀南新区  县级")
                .contains("隶属：130473 邯郸冀南新区 → 130400 邯郸市 → 130000 河北省");
        CliRun org = run("registry", "show", "130400-FINANCE");
        assertThat(org.out()).contains("账户：4 个").contains("待划转").contains("DEMO-");
        CliRun hospital = run("registry", "show", "H41152800002");
        assertThat(hospital.out()).contains("医共体：（演示）息县县域紧密型医共体");
    }

    @Test
    @DisplayName("unknown region code: exit 2 and one line naming it")
    void unknownCode() {
        CliRun run = run("registry", "show", "419999");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).contains("未知统筹区编码 419999").doesNotContain("\n");
        assertThat(run("registry", "regions", "--parent", "000000").exitCode()).isEqualTo(2);
        assertThat(run("registry", "orgs", "--region", "12").err()).contains("未知统筹区编码 12");
        assertThat(run("registry", "show", "NOPE-ORG").exitCode()).isEqualTo(2);
    }

    @Test
    @DisplayName("demo step 100 reports the loaded counts and is idempotent")
    void demoStep() {
        StringWriter first = new StringWriter();
        demoStep.run(new PrintWriter(first, true));
        StringWriter second = new StringWriter();
        demoStep.run(new PrintWriter(second, true));
        assertThat(demoStep.order()).isEqualTo(100);
        assertThat(first.toString()).contains("统筹区 175 个").contains("基础数据版本 2026.12.01-2");
    }
}
