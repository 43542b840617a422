package org.medfund.cli.demo;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.medfund.common.Derivation;
import org.medfund.common.Money;
import org.medfund.common.Rejection;
import org.medfund.crossregion.BenefitRule;
import org.medfund.crossregion.CatalogueClass;
import org.medfund.crossregion.CrossRegion;
import org.medfund.crossregion.CrossRegionClearing;
import org.medfund.crossregion.CrossRegionQuotas;
import org.medfund.crossregion.Quota;
import org.medfund.crossregion.QuotaKind;
import org.medfund.crossregion.QuotaRequest;
import org.medfund.crossregion.QuotaScope;
import org.medfund.crossregion.Usage;
import org.medfund.crossregion.UsageWarning;
import org.medfund.crossregion.FeeCategory;
import org.medfund.crossregion.FeeLine;
import org.medfund.crossregion.FilingDraft;
import org.medfund.crossregion.FilingType;
import org.medfund.crossregion.Settlement;
import org.medfund.crossregion.SettlementRequest;
import org.medfund.registry.Actor;
import org.springframework.stereotype.Component;

/**
 * Demo step 700: Guizhou cross-province direct settlement (guizhou-2017 三, 四(二)(三)) — 贵阳's and 毕节's benefit
 * parameters for 2026 (demo figures), the Henan demo hospital 平顶山市第一人民医院 designated by the Henan centre,
 * two filed Guizhou insured persons, and one discharge settled with its derivation; a third filing of a type this
 * notice does not open shows the refusal. Idempotent: filings and the designation are made once, the settlement is
 * once per setl_id.
 */
@Component
class CrossregionDemoStep implements DemoStep {

    static final String HOSPITAL = "H41040200001";
    static final String CARD = "520102195001010011";
    /** A fixed business day, so a re-run on another day answers the same settlement (same setl_id, same bill). */
    static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    private final CrossRegion crossRegion;
    private final CrossRegionQuotas funding;
    private final CrossRegionClearing clearing;

    CrossregionDemoStep(CrossRegion crossRegion, CrossRegionQuotas funding, CrossRegionClearing clearing) {
        this.crossRegion = crossRegion;
        this.funding = funding;
        this.clearing = clearing;
    }

    @Override
    public int order() {
        return 700;
    }

    @Override
    public String title() {
        return "异地就医备案与出院直接结算（贵州 guizhou-2017）";
    }

    @Override
    public void run(PrintWriter out) {
        LocalDate today = DAY;
        LocalDate yearStart = DAY.withDayOfYear(1);
        for (String region : List.of("520100", "520500")) {
            crossRegion.setBenefitRule(new BenefitRule(region, "310", today.getYear(), List.of(
                    new BenefitRule.GradeTerms(1, Money.ofYuan("300.00"), new BigDecimal("0.95")),
                    new BenefitRule.GradeTerms(2, Money.ofYuan("600.00"), new BigDecimal("0.9")),
                    new BenefitRule.GradeTerms(3, Money.ofYuan("900.00"), new BigDecimal("0.85"))),
                    Money.ofYuan("150000.00")), Actor.system(region + "-AGENCY"));
        }
        out.println("贵阳市、毕节市 " + today.getYear() + " 年职工医保起付线/支付比例/最高支付限额（演示数据）已登记");
        Actor centre = Actor.system("410000-CENTRE");
        if (crossRegion.designations(HOSPITAL, centre).isEmpty()) {
            crossRegion.designate(HOSPITAL, yearStart, null, centre);
            out.println("河南省中心确定 " + HOSPITAL + " 为跨省异地就医定点医疗机构（四(三)）");
        } else {
            out.println("跨省定点医疗机构 " + HOSPITAL + " 已存在");
        }
        file(out, CARD, "520100", FilingType.RESETTLED_RETIREE, yearStart);
        file(out, "522401196002020022", "520500", FilingType.REFERRAL, yearStart);
        file(out, "520102197003030033", "520100", FilingType.LONG_TERM_RESIDENT, yearStart);
        Actor desk = Actor.system(HOSPITAL);
        SettlementRequest bill = new SettlementRequest("DEMO-CR-1", CARD, "520100", "310", today, List.of(
                new FeeLine(FeeCategory.BED, CatalogueClass.A, Money.ofYuan("2000.00"), null),
                new FeeLine(FeeCategory.WESTERN_MEDICINE, CatalogueClass.B, Money.ofYuan("1000.05"),
                        new BigDecimal("0.1")),
                new FeeLine(FeeCategory.MATERIALS, CatalogueClass.C, Money.ofYuan("300.00"), null)), false);
        Settlement settled = crossRegion.settle(bill, desk);
        out.printf("出院结算 %s：总额 %s 元，统筹基金 %s 元，个人账户 %s 元，现金 %s 元%n", settled.hospitalSettlementId(),
                settled.payments().total().toYuanText(), settled.payments().fundPay().toYuanText(),
                settled.payments().accountPay().toYuanText(), settled.payments().cashPay().toYuanText());
        for (Derivation d : settled.derivations()) {
            out.println("  " + d.formula() + " = " + d.result().toYuanText() + " 元（" + d.citation() + "）");
        }
        try {
            crossRegion.preview(new SettlementRequest("DEMO-CR-2", "520102197003030033", "520100", "310", today,
                    bill.lines(), false), desk);
        } catch (Rejection refused) {
            out.println("异地长期居住人员试算被拒：[" + refused.code() + "] " + refused.getMessage());
        }
        quarter(out, desk, bill);
        out.println("（查看：/crossregion/filings?card=" + CARD + "，API POST /api/crossregion/settlements/preview）");
    }

    /**
     * A Guizhou quarter (2026 Q1, guizhou-2017 三(三), 五(一)(二), 附件一): the timetable, first quotas of 贵阳市
     * (2,400.00, pays on time, crosses 70 % with the settlement above) and 毕节市 (1,800.00, pays late, is suspended
     * on 2026-02-02 and lifted when its money arrives, then crosses 90 % and gets an emergency top-up). Demo figures.
     */
    private void quarter(PrintWriter out, Actor desk, SettlementRequest bill) {
        Actor centre = Actor.system("520000-CENTRE");
        int obligations = funding.openTimetable("520000", 2026, 1, centre).size();
        out.println("附件一时间表：2026 年第 1 季度办理事项 " + obligations + " 项");
        Quota guiyang = funding.size(new QuotaRequest("520100", 2026, 1, QuotaScope.CROSS_PROVINCE,
                Money.ofYuan("7200.00"), LocalDate.of(2026, 1, 12)), centre);
        Quota bijie = funding.size(new QuotaRequest("520500", 2026, 1, QuotaScope.CROSS_PROVINCE,
                Money.ofYuan("5400.00"), LocalDate.of(2026, 1, 12)), centre);
        for (Quota q : List.of(guiyang, bijie)) {
            out.println(q.cityName() + " " + q.key().label() + q.kind().label() + " " + q.amount().toYuanText()
                    + " 元，应于 " + q.steps().remitDue() + " 前上解（" + q.derivation().citation() + "）");
        }
        pay(guiyang, LocalDate.of(2026, 1, 16), LocalDate.of(2026, 1, 20));
        funding.suspendLatePayers(LocalDate.of(2026, 2, 2), centre);
        pay(bijie, LocalDate.of(2026, 2, 5), LocalDate.of(2026, 2, 6));
        Long suspensionId = funding.quota(bijie.id(), centre).steps().suspensionId();
        crossRegion.suspensions(centre).stream().filter(s -> Long.valueOf(s.id()).equals(suspensionId))
                .forEach(s -> out.println("暂停 " + s.regionName() + " 异地就医直接结算 " + s.startedOn() + " 至 "
                        + s.liftedOn() + "（预付金到账后恢复，五(一)）：" + s.reason()));
        Settlement referral = crossRegion.settle(new SettlementRequest("DEMO-CR-3", "522401196002020022", "520500",
                "310", DAY, bill.lines(), false), desk);
        out.println("毕节市参保人出院结算 " + referral.hospitalSettlementId() + "：统筹基金 "
                + referral.payments().fundPay().toYuanText() + " 元");
        // 五(二): the usage counts what the national clearing confirmed (3261), so the centre confirms the visits.
        for (Quota q : List.of(guiyang, bijie)) {
            confirmClearing(out, centre, q.key().cityRegionCode());
        }
        for (Quota q : List.of(guiyang, bijie)) {
            Usage usage = funding.usage(q.key(), DAY, centre);
            out.println(q.cityName() + " 预付金使用率 " + usage.rate() + "（" + usage.warning().label() + "）");
            if (usage.warning() == UsageWarning.RED) {
                Quota topUp = funding.topUp(q.key(), DAY, centre);
                out.println("  启动紧急调增 " + topUp.amount().toYuanText() + " 元（" + topUp.derivation().formula() + "）");
                pay(topUp, DAY.plusDays(8), DAY.plusDays(10));
                out.println("  调增资金 " + DAY.plusDays(10) + " 到账，使用率 " + funding.usage(q.key(), DAY, centre).rate());
            } else {
                // A rerun finds the top-up of the first run: say so rather than hiding it.
                funding.quotas(2026, 1, centre).stream()
                        .filter(t -> t.kind() == QuotaKind.TOP_UP && t.key().equals(q.key()))
                        .forEach(t -> out.println("  已启动紧急调增 " + t.amount().toYuanText() + " 元（"
                                + t.derivation().formula() + "）"));
            }
        }
    }

    private void confirmClearing(PrintWriter out, Actor centre, String city) {
        CrossRegionClearing.Header header = new CrossRegionClearing.Header("410000", city);
        List<CrossRegionClearing.Answer> open = clearing.details(DAY.getYear(), DAY.getMonthValue(), header, 1, centre)
                .rows().stream().filter(d -> d.cnfmFlag() == null)
                .map(d -> new CrossRegionClearing.Answer(d.mdtrtId(), d.setlSn(), "1")).toList();
        if (!open.isEmpty()) {
            var call = clearing.confirm(DAY.getYear(), DAY.getMonthValue(), header, "DEMO-3261-" + city + "-" + DAY,
                    open, DAY, centre);
            out.println("国家平台清分确认（3261）" + city + "：确认 " + call.confirmed() + " 条");
        }
    }

    private void pay(Quota quota, LocalDate cityDate, LocalDate receivedOn) {
        String city = quota.key().cityRegionCode();
        funding.confirm(quota.id(), cityDate, Actor.system(city + "-AGENCY"));
        funding.review(quota.id(), cityDate, Actor.system(city + "-FINANCE"));
        funding.remit(quota.id(), cityDate, Actor.system(city + "-FINANCE"));
        funding.receive(quota.id(), receivedOn, Actor.system("520000-CENTRE"));
    }

    private void file(PrintWriter out, String card, String region, FilingType type, LocalDate from) {
        Actor agency = Actor.system(region + "-AGENCY");
        if (crossRegion.filings(card, agency).isEmpty()) {
            var filing = crossRegion.file(new FilingDraft(card, "（演示）参保人" + card.substring(card.length() - 4),
                    region, "310", type, "410000", from, null), agency);
            out.println("备案 " + filing.id() + " " + type.label() + " → 河南省");
        } else {
            out.println("备案 " + card + " 已存在");
        }
    }
}
