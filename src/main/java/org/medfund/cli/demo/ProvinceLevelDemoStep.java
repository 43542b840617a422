package org.medfund.cli.demo;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.medfund.common.Money;
import org.medfund.common.Rejection;
import org.medfund.crossregion.BenefitRule;
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
import org.medfund.crossregion.Quota;
import org.medfund.crossregion.QuotaRequest;
import org.medfund.crossregion.QuotaScope;
import org.medfund.crossregion.QuotaState;
import org.medfund.crossregion.SettlementRequest;
import org.medfund.ledger.LedgerReports;
import org.medfund.ledger.PostedEntry;
import org.medfund.registry.Actor;
import org.springframework.stereotype.Component;

/**
 * Demo step 765: 贵州省本级 (529900, the province's own pool) through 2026 Q3 like a city (demo figures): its first
 * cross-province quota of four months paid by the province agency to the centre from the 省本级 special account
 * (guizhou-2017 三(三), 附件二 二(一)4-5), one of its insured treated in Henan and one in 贵阳市 in August, the months
 * answered (3261), cleared and paid (附件二 二(二)4), then the quarter's in-province clearing confirmed by the province
 * agency with its own entry 附件二 二(二)3 and written down by the centre (二(三)2). The quarter is on
 * /crossregion/clearing?year=2026&amp;quarter=3 with its vouchers. Q3: step 735 issues Q1's in-province clearing before
 * this step runs, and the 省本级 quotas begin with this quarter. Idempotent: every command answers its first result.
 */
@Component
class ProvinceLevelDemoStep implements DemoStep {

    static final int YEAR = 2026;
    static final int QUARTER = 3;
    static final String PROVINCE = "520000";
    static final String OWN = "529900";
    static final String AWAY_CARD = "520103195806060066";
    static final String IN_PROVINCE_CARD = "520102196107070077";

    private final CrossRegion crossRegion;
    private final CrossRegionQuotas quotas;
    private final CrossRegionClearing clearing;
    private final LedgerReports reports;

    ProvinceLevelDemoStep(CrossRegion crossRegion, CrossRegionQuotas quotas, CrossRegionClearing clearing,
                          LedgerReports reports) {
        this.crossRegion = crossRegion;
        this.quotas = quotas;
        this.clearing = clearing;
        this.reports = reports;
    }

    @Override
    public int order() {
        return 765;
    }

    @Override
    public String title() {
        return "省本级统筹区的异地就医季度（贵州省本级 guizhou-2017 附件二 二(一)4、二(二)3）";
    }

    @Override
    public void run(PrintWriter out) {
        Actor centre = Actor.system(PROVINCE + "-CENTRE");
        Actor finance = Actor.system(PROVINCE + "-FINANCE");
        Actor own = Actor.system(OWN + "-AGENCY");
        // The quarter's annex 1 timetable is not opened here: it would list every city's Q2 confirmations, which the
        // demo never issues, as overdue; the 省本级 obligations come with its quota and clearing.
        quota(out, centre, finance, own);
        visits(out, own);
        for (int month = 7; month <= 9; month++) {
            if (!clearMonth(out, YearMonth.of(YEAR, month), centre, finance)) {
                return;
            }
        }
        for (Clearing c : clearing.issueQuarter(PROVINCE, YEAR, QUARTER, LocalDate.of(YEAR, 10, 12), centre)) {
            if (!c.cityRegionCode().equals(OWN)) {
                continue;
            }
            Clearing done = c.state() == ClearingState.ISSUED
                    ? clearing.confirmQuarter(c.id(), LocalDate.of(YEAR, 10, 15), own) : c;
            if (done.state() == ClearingState.CITY_CONFIRMED) {
                done = clearing.postQuarter(c.id(), LocalDate.of(YEAR, 10, 20), centre);
            }
            out.println(YEAR + " 年第 " + QUARTER + " 季度省内清算 " + done.cityName() + " " + done.amount().toYuanText()
                    + " 元（" + done.state().label() + "；" + done.derivation().explain() + "）");
            for (PostedEntry e : reports.entriesOfDocument("crossregion-clearing", c.id())) {
                out.println("  凭证 " + e.bookOrgCode() + " 第 " + e.sequenceNo() + " 号：" + e.article() + " "
                        + e.memo());
            }
        }
        out.println("（查看：/crossregion/clearing?year=" + YEAR + "&quarter=" + QUARTER + "，/crossregion/quotas?year="
                + YEAR + "&quarter=" + QUARTER + "）");
    }

    /** 三(三): four months of past years' 36,000.00 a year; 附件一 一(二) confirmed, paid, received. */
    private void quota(PrintWriter out, Actor centre, Actor finance, Actor own) {
        Quota q = quotas.size(new QuotaRequest(OWN, YEAR, QUARTER, QuotaScope.CROSS_PROVINCE,
                Money.ofYuan("36000.00"), LocalDate.of(YEAR, 7, 10)), centre);
        if (q.state() == QuotaState.NOTIFIED) {
            quotas.confirm(q.id(), LocalDate.of(YEAR, 7, 14), own);
        }
        if (quotas.quota(q.id(), centre).state() == QuotaState.CONFIRMED) {
            quotas.review(q.id(), LocalDate.of(YEAR, 7, 16), finance);
        }
        if (quotas.quota(q.id(), centre).state() == QuotaState.REVIEWED) {
            quotas.remit(q.id(), LocalDate.of(YEAR, 7, 20), finance);
        }
        if (quotas.quota(q.id(), centre).state() == QuotaState.REMITTED) {
            quotas.receive(q.id(), LocalDate.of(YEAR, 7, 22), centre);
        }
        out.println(q.cityName() + " " + q.key().label() + "预付金 " + q.amount().toYuanText() + " 元（"
                + q.derivation().formula() + "），由省本级财政专户支付异地就医结算中心财政专户，"
                + quotas.quota(q.id(), centre).state().label());
    }

    /** August: one 省本级 insured treated in Henan (cross-province), one in 贵阳市 (in-province cross-region care). */
    private void visits(PrintWriter out, Actor own) {
        crossRegion.setBenefitRule(new BenefitRule(OWN, "310", YEAR, List.of(
                new BenefitRule.GradeTerms(1, Money.ofYuan("300.00"), new BigDecimal("0.95")),
                new BenefitRule.GradeTerms(2, Money.ofYuan("600.00"), new BigDecimal("0.9")),
                new BenefitRule.GradeTerms(3, Money.ofYuan("900.00"), new BigDecimal("0.85"))),
                Money.ofYuan("150000.00")), own);
        visit(out, own, AWAY_CARD, "（演示）省本级参保人0066", "410000", CrossregionDemoStep.HOSPITAL,
                LocalDate.of(YEAR, 8, 12), "在河南省住院（跨省异地就医）");
        visit(out, own, IN_PROVINCE_CARD, "（演示）省本级参保人0077", "520100",
                CrossregionClearingDemoStep.GUIYANG_HOSPITAL, LocalDate.of(YEAR, 8, 13), "在贵阳市住院（省内异地就医）");
    }

    private void visit(PrintWriter out, Actor own, String card, String name, String target, String hospital,
                       LocalDate day, String what) {
        if (crossRegion.filings(card, own).isEmpty()) {
            crossRegion.file(new FilingDraft(card, name, OWN, "310", FilingType.RESETTLED_RETIREE, target,
                    LocalDate.of(YEAR, 1, 1), null), own);
        }
        var settled = crossRegion.settle(new SettlementRequest("DEMO-PL-" + card.substring(14), card, OWN, "310", day,
                List.of(new FeeLine(FeeCategory.BED, CatalogueClass.A, Money.ofYuan("1800.00"), null),
                        new FeeLine(FeeCategory.WESTERN_MEDICINE, CatalogueClass.A, Money.ofYuan("1200.00"), null)),
                false), Actor.system(hospital));
        out.println("贵州省本级参保人" + what + " " + settled.hospitalSettlementId() + "：统筹基金 "
                + settled.payments().fundPay().toYuanText() + " 元");
    }

    /**
     * 附件一 三(一): the month's open details between Henan and Guizhou answered (3261), cleared, submitted and paid.
     * Answers false, saying why, when the month cannot be cleared (another Guizhou detail still unanswered).
     */
    private boolean clearMonth(PrintWriter out, YearMonth m, Actor centre, Actor finance) {
        CrossRegionClearing.Header header = new CrossRegionClearing.Header("410000", PROVINCE);
        CrossRegionClearing.DetailPage rows = clearing.details(m.getYear(), m.getMonthValue(), header, 1, centre);
        List<CrossRegionClearing.Answer> open = rows.rows().stream().filter(d -> d.cnfmFlag() == null)
                .map(d -> new CrossRegionClearing.Answer(d.mdtrtId(), d.setlSn(), "1")).toList();
        try {
            if (!open.isEmpty()) {
                clearing.confirm(m.getYear(), m.getMonthValue(), header, "DEMO-PL-3261-" + m, open,
                        m.plusMonths(1).atDay(9), centre);
            }
            List<Clearing> made = clearing.clearMonth(m.getYear(), m.getMonthValue(), m.plusMonths(1).atDay(10),
                    centre);
            if (made.isEmpty()) {
                return true;
            }
            clearing.submitMonth(m.getYear(), m.getMonthValue(), m.plusMonths(2).atDay(6), centre);
            for (Clearing c : clearing.payMonth(m.getYear(), m.getMonthValue(), m.plusMonths(2).atDay(12), finance)) {
                out.println(m + " 跨省清算 " + c.cityName() + " " + c.direction().label() + " " + c.counterpartName()
                        + " " + c.amount().toYuanText() + " 元（" + c.state().label() + "）");
            }
            return true;
        } catch (Rejection refused) {
            out.println(m + " 跨省清算未完成：" + refused.getMessage());
            return false;
        }
    }
}
