package org.medfund.cli.crossregion;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.medfund.cli.ActingAs;
import org.medfund.cli.GroupCommand;
import org.medfund.cli.MedfundSubcommand;
import org.medfund.common.Rejection;
import org.medfund.crossregion.MonthlyClearing;
import org.medfund.crossregion.MonthlyClearing.Plan;
import org.medfund.registry.Actor;
import org.medfund.registry.Registry;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code medfund monthly-clearing …}: Henan's monthly cross-region clearing on the command line (henan-2023 三(二)(三)) —
 * import the month's rows, run a step as {@code --user} of {@code --org} on a business date, show the plan and the
 * advances still owed. Every step answers its first result when run again.
 */
@Component
@Command(name = "monthly-clearing", mixinStandardHelpOptions = true, description = "异地就医月度清结算（河南：拨付计划、资金拨付）")
class MonthlyClearingCommand extends GroupCommand implements MedfundSubcommand {

    /** A clearing file of the subsystem is at most 100,000 rows; this bounds its bytes. */
    static final long FILE_BYTES_MAX = 20_000_000;

    /** The steps, in the order of 三(二)(三). */
    enum Step { CONFIRM, PLAN, NOTICE, USAGE_PLAN, FUND, FUND_RECEIPT, DISBURSE, DISBURSEMENT_RECEIPT, PAY_HOSPITALS }

    private final MonthlyClearing clearing;
    private final Registry registry;

    MonthlyClearingCommand(MonthlyClearing clearing, Registry registry) {
        this.clearing = clearing;
        this.registry = registry;
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }


    @Command(name = "import", mixinStandardHelpOptions = true, description = "导入当月异地就医清算数据（CSV，全部成功或全部不导入）")
    void importRows(@Parameters(paramLabel = "FILE", description = "清算数据文件（CSV）") Path file,
                    @Option(names = "--period", required = true, description = "清算月份 yyyy-MM") YearMonth period,
                    @Mixin ActingAs who) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new Rejection("crossregion.file-missing", "FILE", "找不到文件 " + file);
        }
        if (Files.size(file) > FILE_BYTES_MAX) {
            throw new Rejection("crossregion.clearing-file-too-large", "FILE", "清算数据文件过大，请分批导入");
        }
        MonthlyClearing.ImportResult done = clearing.importRows(period, Files.readString(file, StandardCharsets.UTF_8),
                who.actor());
        out().printf("%s：新导入 %d 笔，已存在 %d 笔%n", period, done.imported(), done.duplicates());
    }

    @Command(name = "step", mixinStandardHelpOptions = true, description = "办理一个清结算环节：CONFIRM 确认数据，"
            + "PLAN 生成拨付计划，NOTICE 核对通知书，USAGE_PLAN 提交用款计划，FUND 省财政拨付，FUND_RECEIPT 确认到账，"
            + "DISBURSE 拨付各统筹区，DISBURSEMENT_RECEIPT 统筹区确认到账，PAY_HOSPITALS 拨付定点医药机构")
    void step(@Parameters(paramLabel = "STEP") Step step,
              @Option(names = "--period", required = true, description = "清算月份 yyyy-MM") YearMonth period,
              @Option(names = "--date", required = true, description = "业务日期") LocalDate date,
              @Mixin ActingAs who) {
        Actor actor = who.actor();
        switch (step) {
            case CONFIRM -> clearing.confirmData(period, date, actor);
            case PLAN -> clearing.generatePlan(period, date, actor);
            case NOTICE -> clearing.confirmNotice(period, date, actor);
            case USAGE_PLAN -> clearing.submitUsagePlan(period, date, actor);
            case FUND -> clearing.fundCentre(period, date, actor);
            case FUND_RECEIPT -> clearing.confirmFunding(period, date, actor);
            case DISBURSE -> clearing.disburse(period, date, actor);
            case DISBURSEMENT_RECEIPT -> clearing.confirmDisbursement(period, date, actor);
            case PAY_HOSPITALS -> clearing.payHospitals(period, date, actor);
        }
        show(period, who);
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "查看当月拨付计划")
    void show(@Option(names = "--period", required = true, description = "清算月份 yyyy-MM") YearMonth period,
              @Mixin ActingAs who) {
        Plan plan = clearing.plan(period, who.actor()).orElse(null);
        if (plan == null) {
            out().println(period + " 的拨付计划尚未生成");
            return;
        }
        out().printf("%s 拨付计划：%s；应收合计 %s 元，应付合计 %s 元%n", period, plan.state().label(),
                plan.totals().receipts().toYuanText(), plan.totals().payments().toYuanText());
        for (MonthlyClearing.RegionLine l : plan.regions()) {
            out().printf("  %s %s：应收 %s，应付 %s，净额 %s 元%n", l.regionName(),
                    registry.insuranceType(l.insuranceType()).map(t -> t.name()).orElse(l.insuranceType()),
                    l.receive().toYuanText(),
                    l.owe().toYuanText(), l.net().toYuanText());
        }
    }

    @Command(name = "advances", mixinStandardHelpOptions = true,
            description = "垫付资金待追回清单（豫财社〔2023〕178号 三(三)）：尚未追回的负值拨付计划垫付资金，先垫先列")
    void advances(@Mixin ActingAs who) {
        List<MonthlyClearing.AdvanceReceivable> open = clearing.openAdvances(who.actor());
        if (open.isEmpty()) {
            out().println("没有待追回的垫付资金");
            return;
        }
        for (MonthlyClearing.AdvanceReceivable a : open) {
            out().printf("  %s %s %s，%s 垫付 %s 元（%s），已追回 %s 元，待追回 %s 元%n", a.regionName(), a.hospitalName(),
                    registry.insuranceType(a.insuranceType()).map(t -> t.name()).orElse(a.insuranceType()),
                    a.period(), a.advance().amount().toYuanText(), a.advance().advancedOn(),
                    a.advance().amount().minus(a.advance().outstanding()).toYuanText(),
                    a.advance().outstanding().toYuanText());
        }
    }
}
