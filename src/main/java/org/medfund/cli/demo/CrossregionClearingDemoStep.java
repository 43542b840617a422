package org.medfund.cli.demo;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.medfund.common.Money;
import org.medfund.common.Rejection;
import org.medfund.crossregion.CatalogueClass;
import org.medfund.crossregion.ClearingState;
import org.medfund.crossregion.CrossRegion;
import org.medfund.crossregion.CrossRegionClearing;
import org.medfund.crossregion.CrossRegionClearing.Clearing;
import org.medfund.crossregion.CrossRegionQuotas;
import org.medfund.crossregion.FeeCategory;
import org.medfund.crossregion.FeeLine;
import org.medfund.crossregion.FilingDraft;
import org.medfund.crossregion.FilingType;
import org.medfund.crossregion.SettlementRequest;
import org.medfund.registry.Actor;
import org.springframework.stereotype.Component;

/**
 * Demo step 735: the Guizhou quarter's clearing (guizhou-2017 附件一 三, 附件二 二(二)(三)) on the settlements of step
 * 700 — each month of 2026 Q1 answered in the national messages (3260 pages, 3261), cleared, submitted to province
 * finance and paid (the centre's write-down), then the quarter's in-province clearing, with one 毕节市 insured
 * treated in 贵阳市 (in-province cross-region care): issued, confirmed by each city and written down by the centre.
 * The notices are on /crossregion/clearing. Idempotent: every command answers its first result on a rerun.
 */
@Component
class CrossregionClearingDemoStep implements DemoStep {

    static final int YEAR = 2026;
    static final String PROVINCE = "520000";
    static final String GUIYANG_HOSPITAL = "H52010200001";
    static final String IN_PROVINCE_CARD = "522401197504040044";

    private final CrossRegion crossRegion;
    private final CrossRegionQuotas quotas;
    private final CrossRegionClearing clearing;

    CrossregionClearingDemoStep(CrossRegion crossRegion, CrossRegionQuotas quotas, CrossRegionClearing clearing) {
        this.crossRegion = crossRegion;
        this.quotas = quotas;
        this.clearing = clearing;
    }

    @Override
    public int order() {
        return 735;
    }

    @Override
    public String title() {
        return "异地就医费用清算：跨省月度清算与省内季度清算（贵州 guizhou-2017 附件一 三）";
    }

    @Override
    public void run(PrintWriter out) {
        Actor centre = Actor.system(PROVINCE + "-CENTRE");
        Actor finance = Actor.system(PROVINCE + "-FINANCE");
        inProvinceVisit(out, centre);
        quotas.openTimetable(PROVINCE, YEAR, 2, centre);
        for (int month = 1; month <= 3; month++) {
            YearMonth m = YearMonth.of(YEAR, month);
            answer(out, m, centre);
            List<Clearing> made = clearing.clearMonth(YEAR, month, m.plusMonths(1).atDay(10), centre);
            if (made.isEmpty()) {
                out.println(m + " 无跨省异地就医清分明细");
                continue;
            }
            clearing.submitMonth(YEAR, month, m.plusMonths(2).atDay(6), centre);
            for (Clearing c : clearing.payMonth(YEAR, month, m.plusMonths(2).atDay(12), finance)) {
                out.println(m + " 跨省清算 " + c.cityName() + " " + c.direction().label() + " " + c.counterpartName()
                        + " " + c.amount().toYuanText() + " 元（" + c.detailCount() + " 条，" + c.state().label() + "）");
            }
        }
        LocalDate issued = LocalDate.of(YEAR, 4, 8);
        for (Clearing c : clearing.issueQuarter(PROVINCE, YEAR, 1, issued, centre)) {
            Clearing done = c.state() == ClearingState.ISSUED
                    ? clearing.confirmQuarter(c.id(), LocalDate.of(YEAR, 4, 14),
                            Actor.system(c.cityRegionCode() + "-AGENCY")) : c;
            if (done.state() == ClearingState.CITY_CONFIRMED) {
                done = clearing.postQuarter(c.id(), LocalDate.of(YEAR, 4, 20), centre);
            }
            out.println("2026 年第 1 季度省内清算 " + done.cityName() + " " + done.amount().toYuanText() + " 元（"
                    + done.state().label() + "；" + done.derivation().explain() + "）");
        }
        out.println("（查看：/crossregion/clearing?year=2026&quarter=1，API GET /api/crossregion/clearing/details）");
    }

    /** 3260 page by page, every open row confirmed (3261) under one message id per month and page. */
    private void answer(PrintWriter out, YearMonth m, Actor centre) {
        CrossRegionClearing.Header header = new CrossRegionClearing.Header("410000", PROVINCE);
        int page = 1;
        int answered = 0;
        while (true) {
            CrossRegionClearing.DetailPage rows = clearing.details(m.getYear(), m.getMonthValue(), header, page,
                    centre);
            List<CrossRegionClearing.Answer> open = rows.rows().stream().filter(d -> d.cnfmFlag() == null)
                    .map(d -> new CrossRegionClearing.Answer(d.mdtrtId(), d.setlSn(), "1")).toList();
            if (!open.isEmpty()) {
                try {
                    answered += clearing.confirm(m.getYear(), m.getMonthValue(), header, "DEMO-3261-" + m + "-" + page,
                            open, m.plusMonths(1).atDay(9), centre).confirmed();
                } catch (Rejection closed) {
                    out.println(m + " 清分确认：" + closed.getMessage());
                }
            }
            if (rows.rows().size() < CrossRegionClearing.PAGE_MAX) {
                break;
            }
            page++;
        }
        if (answered > 0) {
            out.println(m + " 国家平台清分明细（3260）已确认（3261）" + answered + " 条");
        }
    }

    /** A 毕节市 insured treated in 贵阳市 in February: the quarter's in-province part (附件一 三(二)). */
    private void inProvinceVisit(PrintWriter out, Actor centre) {
        if (crossRegion.designations(GUIYANG_HOSPITAL, centre).isEmpty()) {
            crossRegion.designate(GUIYANG_HOSPITAL, LocalDate.of(YEAR, 1, 1), null, centre);
        }
        Actor bijie = Actor.system("520500-AGENCY");
        if (crossRegion.filings(IN_PROVINCE_CARD, bijie).isEmpty()) {
            crossRegion.file(new FilingDraft(IN_PROVINCE_CARD, "（演示）参保人0044", "520500", "310",
                    FilingType.RESETTLED_RETIREE, "520100", LocalDate.of(YEAR, 1, 1), null), bijie);
        }
        var settled = crossRegion.settle(new SettlementRequest("DEMO-CR-IN-1", IN_PROVINCE_CARD, "520500", "310",
                LocalDate.of(YEAR, 2, 20), List.of(
                        new FeeLine(FeeCategory.BED, CatalogueClass.A, Money.ofYuan("1500.00"), null),
                        new FeeLine(FeeCategory.WESTERN_MEDICINE, CatalogueClass.A, Money.ofYuan("800.00"), null)),
                false), Actor.system(GUIYANG_HOSPITAL));
        out.println("毕节市参保人在贵阳市住院（省内异地就医）" + settled.hospitalSettlementId() + "：统筹基金 "
                + settled.payments().fundPay().toYuanText() + " 元");
    }
}
