package org.medfund.cli.demo;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.YearMonth;
import org.medfund.crossregion.CrossRegionFunding;
import org.medfund.crossregion.MonthlyClearing;
import org.medfund.crossregion.MonthlyClearing.HospitalLine;
import org.medfund.crossregion.MonthlyClearing.Plan;
import org.medfund.policy.Citations;
import org.medfund.registry.Actor;
import org.medfund.registry.Registry;
import org.springframework.stereotype.Component;

/**
 * Demo step 750: a Henan cross-region month (henan-2023 三(二)(三), demo figures): October 2026's rows imported by the
 * province centre, confirmed by 平顶山 and 信阳 (the 18th is a Sunday: due Monday the 19th), the plan and notices,
 * the usage plan, province finance paying the centre, the centre paying the regions, the regions paying their
 * hospitals by month end (Saturday 31 October: due Monday 2 November); 罗山县人民医院's negative employee line is
 * advanced by 信阳's fund. November's employee month follows: 罗山's positive plan first recovers October's advance
 * (三(三), decisions.md "Advance offset") and the hospital is paid the rest. Uses 2026's reserve of step 720.
 * Idempotent: each command answers its first result when run again.
 */
@Component
class CrossregionMonthlyClearingDemoStep implements DemoStep {

    static final YearMonth PERIOD = YearMonth.of(2026, 10);
    static final String ROWS = """
            setl_id,fixmedins_code,insuplc_admdvs,mdtrtarea_admvs,insutype,setl_date,fund_pay_sumamt
            DEMO-MC-1001,H41040200001,411500,410400,390,2026-10-08,18650.40
            DEMO-MC-1002,H41040200001,411500,410400,310,2026-10-09,9320.00
            DEMO-MC-1003,H41042100001,411500,410400,390,2026-10-12,2140.35
            DEMO-MC-1004,H41150200001,410400,411500,390,2026-10-13,15780.22
            DEMO-MC-1005,H41150200001,410400,411500,310,2026-10-14,6210.90
            DEMO-MC-1006,H41152100001,410400,411500,310,2026-10-15,-350.00
            DEMO-MC-1007,H41152100001,410400,411500,390,2026-10-16,980.00
            """;
    static final YearMonth NEXT = PERIOD.plusMonths(1);
    static final String NEXT_ROWS = """
            setl_id,fixmedins_code,insuplc_admdvs,mdtrtarea_admvs,insutype,setl_date,fund_pay_sumamt
            DEMO-MC-1101,H41150200001,410400,411500,310,2026-11-10,4560.00
            DEMO-MC-1102,H41152100001,410400,411500,310,2026-11-12,1280.00
            """;

    private final MonthlyClearing clearing;
    private final CrossRegionFunding funding;
    private final Citations citations;
    private final Registry registry;

    CrossregionMonthlyClearingDemoStep(MonthlyClearing clearing, CrossRegionFunding funding, Citations citations,
                                Registry registry) {
        this.clearing = clearing;
        this.funding = funding;
        this.citations = citations;
        this.registry = registry;
    }

    @Override
    public int order() {
        return 750;
    }

    @Override
    public String title() {
        return "河南异地就医月度清结算（henan-2023 三(二)(三)）：确认、拨付计划、资金拨付、负值垫付及追回";
    }

    @Override
    public void run(PrintWriter out) {
        Actor centre = Actor.system("410000-CENTRE");
        Actor provinceFinance = Actor.system("410000-FINANCE");
        Actor pds = Actor.system("410400-AGENCY");
        Actor xy = Actor.system("411500-AGENCY");
        MonthlyClearing.ImportResult imported = clearing.importRows(PERIOD, ROWS, centre);
        out.println(PERIOD + " 清算数据：新导入 " + imported.imported() + " 笔，已存在 " + imported.duplicates() + " 笔");
        clearing.confirmData(PERIOD, LocalDate.of(2026, 10, 16), pds);
        MonthlyClearing.DataConfirmation late = clearing.confirmData(PERIOD, LocalDate.of(2026, 10, 19), xy);
        out.println("各统筹区确认清算数据，应于 " + late.dueDate() + " 前（18日为星期日，顺延）");
        clearing.generatePlan(PERIOD, LocalDate.of(2026, 10, 19), centre);
        clearing.confirmNotice(PERIOD, LocalDate.of(2026, 10, 20), pds);
        clearing.confirmNotice(PERIOD, LocalDate.of(2026, 10, 20), xy);
        clearing.submitUsagePlan(PERIOD, LocalDate.of(2026, 10, 20), centre);
        clearing.fundCentre(PERIOD, LocalDate.of(2026, 10, 23), provinceFinance);
        clearing.confirmFunding(PERIOD, LocalDate.of(2026, 10, 23), centre);
        clearing.disburse(PERIOD, LocalDate.of(2026, 10, 26), centre);
        clearing.confirmDisbursement(PERIOD, LocalDate.of(2026, 10, 27), pds);
        clearing.confirmDisbursement(PERIOD, LocalDate.of(2026, 10, 27), xy);
        clearing.payHospitals(PERIOD, LocalDate.of(2026, 10, 30), pds);
        clearing.payHospitals(PERIOD, LocalDate.of(2026, 11, 2), xy);
        Plan plan = clearing.plan(PERIOD, centre).orElseThrow();
        out.println("应收合计 " + plan.totals().receipts().toYuanText() + " 元 = 应付合计 "
                + plan.totals().payments().toYuanText() + " 元；省医保中心留存 " + plan.totals().passThrough()
                .toYuanText() + " 元");
        plan.regions().forEach(l -> out.println("  " + l.regionName() + " " + registry.insuranceType(l.insuranceType())
                .map(t -> t.name()).orElse(l.insuranceType()) + "：应收 "
                + l.receive().toYuanText() + "，应付 " + l.owe().toYuanText() + "，净额 " + l.net().toYuanText()
                + " 元（大写：" + l.net().toChineseCapital() + "）"));
        for (HospitalLine h : plan.hospitals()) {
            if (h.advance() != null) {
                out.println("负值拨付计划：" + h.hospitalName() + " 垫付 " + h.advance().amount().toYuanText() + " 元（"
                        + h.advance().advancedOn() + "），由" + registry.region(h.regionCode()).map(r -> r.name())
                        .orElse(h.regionCode()) + "基本医保基金先行垫付；" + h.state().label());
            }
        }
        funding.clearingSteps(PERIOD, LocalDate.of(2026, 11, 16), centre).forEach(s -> out.println("  " + PERIOD + " "
                + s.kind().label() + "：" + s.dueDate() + " 前，" + s.status().label() + "（" + s.detail() + "；"
                + citations.text(s.citation()) + "）"));
        november(centre, provinceFinance, pds, xy, out);
    }

    /** November: employee care only; 罗山's positive plan recovers October's advance before it is paid. */
    private void november(Actor centre, Actor provinceFinance, Actor pds, Actor xy, PrintWriter out) {
        clearing.importRows(NEXT, NEXT_ROWS, centre);
        clearing.confirmData(NEXT, LocalDate.of(2026, 11, 17), pds);
        clearing.confirmData(NEXT, LocalDate.of(2026, 11, 18), xy);
        clearing.generatePlan(NEXT, LocalDate.of(2026, 11, 18), centre);
        clearing.confirmNotice(NEXT, LocalDate.of(2026, 11, 19), pds);
        clearing.confirmNotice(NEXT, LocalDate.of(2026, 11, 19), xy);
        clearing.submitUsagePlan(NEXT, LocalDate.of(2026, 11, 20), centre);
        clearing.fundCentre(NEXT, LocalDate.of(2026, 11, 23), provinceFinance);
        clearing.confirmFunding(NEXT, LocalDate.of(2026, 11, 23), centre);
        clearing.disburse(NEXT, LocalDate.of(2026, 11, 26), centre);
        clearing.confirmDisbursement(NEXT, LocalDate.of(2026, 11, 27), xy);
        clearing.payHospitals(NEXT, LocalDate.of(2026, 11, 30), pds);
        Plan plan = clearing.payHospitals(NEXT, LocalDate.of(2026, 11, 30), xy);
        for (HospitalLine h : plan.hospitals()) {
            for (MonthlyClearing.AdvanceRecovery o : h.offsets()) {
                out.println(NEXT + " 抵扣垫付：" + h.hospitalName() + " 拨付计划 " + h.amount().toYuanText() + " 元，抵扣 "
                        + o.advancePeriod() + " 垫付资金 " + o.amount().toYuanText() + " 元（" + o.recoveredOn()
                        + "，退回社会保障基金财政专户），实拨 " + h.net().toYuanText() + " 元（大写："
                        + h.net().toChineseCapital() + "）");
            }
        }
        out.println(NEXT + " 垫付资金待追回：" + clearing.openAdvances(xy).size() + " 笔");
    }
}
