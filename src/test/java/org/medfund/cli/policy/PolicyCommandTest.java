package org.medfund.cli.policy;

import org.medfund.cli.CommandTest;
import org.medfund.cli.CliRun;
import org.medfund.cli.demo.CalendarPolicyDemoStep;
import org.medfund.cli.demo.DemoStep;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medfund.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;

/** {@code medfund policy …} lists packs, shows parameters with articles and resolves rules through the registry. */
@DatabaseTest
class PolicyCommandTest extends CommandTest {

    @Test
    @DisplayName("list: five packs with document numbers; configured effective dates are marked")
    void list() {
        CliRun run = run("policy", "list");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines()).hasSize(5);
        assertThat(run.out()).contains("henan-2023 v1").contains("豫财社〔2023〕178号").contains("信医保办〔2025〕7号")
                .contains("黔人社厅通〔2017〕204号").contains("邯政办规〔2020〕14号").contains("hainan-2020 v1");
        assertThat(run.out().lines().filter(l -> l.startsWith("xinyang-2025"))).allMatch(l -> l.contains("配置值"));
    }

    @Test
    @DisplayName("show: parameters with their articles")
    void show() {
        CliRun run = run("policy", "show", "henan-2023");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("prepayment.factor = 1.5（1.5）  [豫财社〔2023〕178号 二(二)]")
                .contains("prepayment.places = LOCAL,IN_PROVINCE（本地、省内异地）").doesNotContain("seed")
                .contains("河南省财政厅 河南省医疗保障局");
        CliRun unknown = run("policy", "show", "nope-2020");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err().strip().lines()).hasSize(1);
    }

    @Test
    @DisplayName("resolve: a Xinyang county gets Xinyang's prepayment factor and Henan's cross-region deadline")
    void resolve() {
        CliRun factor = run("policy", "resolve", "--region", "411521", "--date", "2025-06-01", "prepayment.factor");
        assertThat(factor.exitCode()).isZero();
        assertThat(factor.out()).contains("prepayment.factor = 1").contains("xinyang-2025").contains("v1")
                .contains("xinyang-2025 art. 4").contains("罗山县");
        CliRun cross = run("policy", "resolve", "--region", "411521", "--date", "2025-06-01", "crossregion.confirm-by");
        assertThat(cross.out()).contains("day-of-month:18:shift").contains("henan-2023").contains("henan-2023 三(二)");
        CliRun before = run("policy", "resolve", "--region", "411521", "--date", "2024-06-01", "prepayment.factor");
        assertThat(before.out()).contains("prepayment.factor = 1.5").contains("henan-2023");
    }

    @Test
    @DisplayName("unknown region, malformed date, no such rule: one line on stderr, exit 2")
    void badInput() {
        for (String[] args : new String[][] {
            {"policy", "resolve", "--region", "999999", "--date", "2025-01-01", "prepayment.factor"},
            {"policy", "resolve", "--region", "411500", "--date", "2025-13-01", "prepayment.factor"},
            {"policy", "resolve", "--region", "411500", "--date", "2025-01-01", "prepayment.nothing"}}) {
            CliRun run = run(args);
            assertThat(run.exitCode()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(run.err().strip().lines()).as(String.join(" ", args)).hasSize(1);
        }
        assertThat(run("policy", "resolve", "--region", "999999", "--date", "2025-01-01", "prepayment.factor").err())
                .contains("policy.unknown-region").contains("999999");
    }

    @Test
    @DisplayName("demo step 200 prints the calendar coverage and the packs, and prints the same on a second run")
    void demoStep() {
        DemoStep step = context.getBeansOfType(DemoStep.class).values().stream()
                .filter(s -> s instanceof CalendarPolicyDemoStep).findFirst().orElseThrow();
        assertThat(step.order()).isEqualTo(200);
        StringWriter first = new StringWriter();
        step.run(new PrintWriter(first, true));
        StringWriter second = new StringWriter();
        step.run(new PrintWriter(second, true));
        int nextYear = java.time.LocalDate.now(context.getBean(java.time.Clock.class)).getYear() + 1;
        assertThat(first.toString()).contains("2020-01-01 至 " + nextYear + "-12-31").contains("（2020–2026 年）")
                .contains("henan-2023 v1")
                .contains("handan-2020 v1");
        assertThat(second.toString()).isEqualTo(first.toString());
    }
}
