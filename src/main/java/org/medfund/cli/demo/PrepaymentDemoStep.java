package org.medfund.cli.demo;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.medfund.claims.SettlementIntake;
import org.medfund.claims.SettlingAgency;
import org.medfund.common.Money;
import org.medfund.ledger.BusinessEvent;
import org.medfund.ledger.Ledger;
import org.medfund.prepayment.Agreement;
import org.medfund.prepayment.AgreementRecord;
import org.medfund.prepayment.Agreements;
import org.medfund.prepayment.ApplicationForm;
import org.medfund.prepayment.Applications;
import org.medfund.prepayment.EligibilityCondition;
import org.medfund.prepayment.Finding;
import org.medfund.prepayment.FundFigures;
import org.medfund.prepayment.FundMonth;
import org.medfund.prepayment.FundRecord;
import org.medfund.prepayment.FundStatuses;
import org.medfund.prepayment.Prepayment;
import org.medfund.prepayment.PrepaymentStatus;
import org.medfund.prepayment.Prepayments;
import org.medfund.prepayment.Recoveries;
import org.medfund.prepayment.Recovery;
import org.medfund.prepayment.RecoveryTrigger;
import org.medfund.prepayment.RegionPlan;
import org.medfund.prepayment.RegionPlans;
import org.medfund.prepayment.RegisterFilter;
import org.medfund.prepayment.SizingOutcome;
import org.medfund.prepayment.StepState;
import org.medfund.prepayment.WorkflowStep;
import org.medfund.registry.Actor;
import org.medfund.registry.Org;
import org.medfund.registry.Registry;
import org.medfund.registry.Role;
import org.medfund.settlement.PaymentOffsets;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo step 600: a prepayment year in 平顶山 (Henan 2024 and its 2025 re-sizing with 轧差, one excess recovered by
 * offset) and in 信阳 (Xinyang 2025: applications, art. 3 review, art. 7 gate, art. 6 steps, payment, a recovery
 * trigger and the all-or-nothing clearing in January 2026: one hospital offset in full, one one fen short that returns
 * everything). The settlements it sizes from are stored through the claims intake. Every write is idempotent.
 */
@Component
class PrepaymentDemoStep implements DemoStep {

    static final String PDS_COUNTY_HOSPITAL = "H41042100001"; // 宝丰县人民医院, grade 2
    static final String PDS_CITY_HOSPITAL = "H41040200001";   // 平顶山市第一人民医院, grade 3, city-managed
    static final String PDS_GRADE1 = "H41040300001";          // 卫东区社区卫生服务中心, grade 1: excluded
    static final String XY_COUNTY_HOSPITAL = "H41152100001";  // 罗山县人民医院
    static final String XY_CITY_HOSPITAL = "H41150200001";    // 信阳市中心医院, city-managed
    static final String XY_TRIGGER_HOSPITAL = "H41152500001"; // 固始县中医院

    private final Prepayments prepayments;
    private final Applications applications;
    private final Recoveries recoveries;
    private final SettlementIntake intake;
    private final Registry registry;
    private final Ledger ledger;
    private final RegionPlans regionPlans;
    private final Agreements agreements;
    private final FundStatuses fundStatuses;

    PrepaymentDemoStep(Prepayments prepayments, Applications applications, Recoveries recoveries,
                       SettlementIntake intake, Registry registry, Ledger ledger, RegionPlans regionPlans,
                       Agreements agreements, FundStatuses fundStatuses) {
        this.agreements = agreements;
        this.fundStatuses = fundStatuses;
        this.regionPlans = regionPlans;
        this.ledger = ledger;
        this.prepayments = prepayments;
        this.applications = applications;
        this.recoveries = recoveries;
        this.intake = intake;
        this.registry = registry;
    }

    @Override
    public int order() {
        return 600;
    }

    @Override
    public String title() {
        return "预付金：平顶山（河南预拨+轧差）与信阳（申请、审核、拨付、收回、年终清算）";
    }

    @Override
    @Transactional
    public void run(PrintWriter out) {
        if (registry.org(XY_TRIGGER_HOSPITAL).isEmpty() || registry.org(PDS_COUNTY_HOSPITAL).isEmpty()) {
            out.println("演示医疗机构未登记，跳过");
            return;
        }
        boolean again = !prepayments.register(new RegisterFilter(2025, XY_CITY_HOSPITAL, "310",
                PrepaymentStatus.CLEARED, null), Actor.system("411500-AGENCY")).isEmpty();
        for (String agency : List.of("410421-AGENCY", "410400-AGENCY", "411500-AGENCY", "411521-AGENCY",
                "411525-AGENCY")) {
            openingBalance(agency);
        }
        // Xinyang's art. 6 chain starts in the city's special account (finance book, mirrored in the city centre's).
        for (String book : List.of("411500-FINANCE", "411500-AGENCY")) {
            openingSpecial(book);
        }
        henan(out);
        xinyang(out);
        out.println(again ? "预付金演示数据已存在，未作改动" : "预付金演示完成");
        var breaks = prepayments.invariantBreaks(LocalDate.of(2026, 12, 31));
        out.println(breaks.isEmpty() ? "核对：各医院 暂付款—医保预付金 余额 = 拨付 − 收回 − 核销 = 台账"
                : "核对发现 " + breaks.size() + " 处不一致");
    }

    private void henan(PrintWriter out) {
        for (String h : List.of(PDS_COUNTY_HOSPITAL, PDS_CITY_HOSPITAL, PDS_GRADE1)) {
            agreement(h);
        }
        // 2023: the county hospital 1,234,567.89 a month (employee), the city hospital 3,000,000.01.
        settle(PDS_COUNTY_HOSPITAL, "310", 2023, "1234567.89");
        settle(PDS_COUNTY_HOSPITAL, "390", 2023, "876543.21");
        settle(PDS_CITY_HOSPITAL, "310", 2023, "3000000.01");
        settle(PDS_CITY_HOSPITAL, "390", 2023, "2000000.00");
        // 2024: the county hospital's employee pay falls (→ excess recovered), the city hospital's grows (→ top-up).
        settle(PDS_COUNTY_HOSPITAL, "310", 2024, "1000000.00");
        settle(PDS_COUNTY_HOSPITAL, "390", 2024, "876543.21");
        settle(PDS_CITY_HOSPITAL, "310", 2024, "3300000.00");
        settle(PDS_CITY_HOSPITAL, "390", 2024, "2000000.00");
        for (int year : new int[] {2024, 2025}) {
            LocalDate sized = LocalDate.of(year, 1, 8);
            for (String region : List.of("410421", "410402", "410403")) {
                String agency = registry.agencyOf(region).map(Org::code).orElseThrow();
                for (SizingOutcome o : prepayments.sizeRegion(region, year, sized, clerk(agency))) {
                    if (o.prepaymentId() == null) {
                        out.printf("  %d %s %s 不预拨：%s%n", year, o.hospitalCode(), o.insuranceType(),
                                String.join("；", o.refusals()));
                    }
                }
            }
            for (String h : List.of(PDS_COUNTY_HOSPITAL, PDS_CITY_HOSPITAL)) {
                for (String fund : prepayments.regime("410421", sized).insuranceTypes()) {
                    payHenan("PP-" + year + "-" + h + "-" + fund, sized.plusDays(2), out);
                }
            }
        }
        // The 2025 excess of the county hospital is offset from its next monthly settlement.
        Money offset = recoveries.offset(new PaymentOffsets.OffsetRequest("410421-AGENCY", PDS_COUNTY_HOSPITAL, "310",
                YearMonth.of(2025, 1), Money.ofYuan("1500000.00"), LocalDate.of(2025, 2, 20),
                "demo:settlement:2025-01:" + PDS_COUNTY_HOSPITAL + ":310"));
        out.printf("  宝丰县人民医院 2025 年轧差多出部分从 1 月结算冲抵 %s 元%n", offset.toYuanText());
        regionPlans(out);
    }

    /**
     * Seed 000 二(二): persons insured in 罗山县 (信阳) treated at a 平顶山 community centre in 2023 and 2024; the
     * province centre generates the in-province cross-region plans for 2024 and 2025 (信阳's: 1.5 × monthly average,
     * then 轧差).
     */
    private void regionPlans(PrintWriter out) {
        settle(PDS_GRADE1, "310", 2023, "45678.91", "411521");
        settle(PDS_GRADE1, "310", 2024, "50000.00", "411521");
        Actor centre = new Actor("demo-centre-clerk", "410000-CENTRE", Set.of(Role.CLERK));
        for (int year : new int[] {2024, 2025}) {
            for (RegionPlan p : regionPlans.generate(year, LocalDate.of(year, 1, 5), centre)) {
                if (p.regionCode().equals("411500")) {
                    out.printf("  %d 省内异地就医预拨计划 %s %s：%s 元（%s），轧差 %s 元%n", year, p.regionName(),
                            p.insuranceType(), p.sized().toYuanText(), p.derivation().formula(),
                            p.difference().toYuanText());
                }
            }
        }
    }

    private void payHenan(String id, LocalDate date, PrintWriter out) {
        Prepayment row = prepayments.prepayment(id, Actor.system("410000-CENTRE"));
        Actor clerk = clerk(row.payerOrgCode());
        if (row.status() == PrepaymentStatus.PREPARED) {
            prepayments.approve(id, date, reviewer(row.payerOrgCode()));
        }
        row = prepayments.disburse(id, date, true, clerk, "demo:prepayment:disburse:" + id);
        out.printf("  %s 核定 %s 元（%s），补拨 %s 元，收回 %s 元%n", id, row.sized().toYuanText(),
                row.derivation().formula(), row.toPay().toYuanText(), row.toRecover().toYuanText());
    }

    private void xinyang(PrintWriter out) {
        for (String h : List.of(XY_COUNTY_HOSPITAL, XY_CITY_HOSPITAL, XY_TRIGGER_HOSPITAL)) {
            agreement(h);
            settle(h, "310", 2024, h.equals(XY_CITY_HOSPITAL) ? "2500000.00" : "800000.00");
            settle(h, "390", 2024, h.equals(XY_CITY_HOSPITAL) ? "1800000.00" : "600000.00");
        }
        fundStatus();
        List<Prepayment> approved = new ArrayList<>();
        for (String h : List.of(XY_COUNTY_HOSPITAL, XY_CITY_HOSPITAL, XY_TRIGGER_HOSPITAL)) {
            approved.addAll(applyAndApprove(h));
        }
        fundAndPay(approved, out);
        // Art. 10(四): 固始县中医院's assets are preserved; it returns the employee prepayment within 10 working days.
        var recovery = recoveries.raise(XY_TRIGGER_HOSPITAL, "310", RecoveryTrigger.ASSETS_PRESERVED,
                "（2025）豫1525财保12号 财产保全裁定", LocalDate.of(2025, 6, 3), clerk("411525-AGENCY"));
        recoveries.recordReturn(recovery.id(), recovery.remaining().isZero() ? recovery.amount()
                : recovery.remaining(), LocalDate.of(2025, 6, 12), clerk("411525-AGENCY"),
                "demo:prepayment:return:" + recovery.id());
        out.printf("  固始县中医院 第十条（四）财产保全：10 个工作日内（%s 前）全额退回 %s 元%n", recovery.returnDue(),
                recovery.amount().toYuanText());
        clearing(out);
    }

    /** Art. 6(一)–(三): application, county review with finance, city aggregation, bureau review (approval). */
    private List<Prepayment> applyAndApprove(String hospital) {
        Org org = registry.org(hospital).orElseThrow();
        String payer = prepayments.payerOf(org).code();
        applications.apply(hospital, 2025, form(org), LocalDate.of(2025, 1, 8), new Actor("demo-hospital-" + hospital,
                hospital, Set.of(Role.HOSPITAL)));
        List<Finding> findings = new ArrayList<>();
        for (EligibilityCondition c : EligibilityCondition.values()) {
            findings.add(new Finding(c, true, "演示：已核查" + c.text(), null));
        }
        List<Prepayment> rows = new ArrayList<>();
        for (Prepayment row : applications.review("PA-2025-" + hospital, findings,
                LocalDate.of(2025, 1, 16), clerk(payer))) {
            if (row.status() == PrepaymentStatus.CLOSED) {
                continue;
            }
            applications.complete(row.id(), WorkflowStep.CITY_AGGREGATED, LocalDate.of(2025, 1, 17),
                    clerk("411500-AGENCY"), null);
            applications.complete(row.id(), WorkflowStep.BUREAU_REVIEWED, LocalDate.of(2025, 1, 20),
                    new Actor("demo-bureau", "411500-BUREAU", Set.of(Role.REVIEWER)), null);
            rows.add(row);
        }
        return rows;
    }

    /**
     * Art. 6(三)(四) as ledger transfers: city finance funds all approved rows of a fund in one transfer to the city
     * centre, which confirms receipt and passes each county's share on (one transfer per county and fund); each
     * county centre confirms and pays its hospitals, the city centre its own.
     */
    private void fundAndPay(List<Prepayment> rows, PrintWriter out) {
        Actor cityClerk = clerk("411500-AGENCY");
        Actor finance = new Actor("demo-finance", "411500-FINANCE", Set.of(Role.FINANCE));
        for (Prepayment row : rows) {
            applications.complete(row.id(), WorkflowStep.FUNDED, LocalDate.of(2025, 2, 6), finance, null);
            applications.confirmReceipt(row.id(), WorkflowStep.FUNDED, LocalDate.of(2025, 2, 6), cityClerk);
        }
        for (Prepayment row : rows) {
            if (!row.payerOrgCode().equals("411500-AGENCY")) {
                applications.complete(row.id(), WorkflowStep.COUNTY_SHARED, LocalDate.of(2025, 2, 7), cityClerk,
                        null);
                applications.confirmReceipt(row.id(), WorkflowStep.COUNTY_SHARED, LocalDate.of(2025, 2, 7),
                        clerk(row.payerOrgCode()));
            }
        }
        java.util.Set<String> printed = new java.util.TreeSet<>();
        for (Prepayment row : rows) {
            for (StepState s : applications.steps(row.id())) {
                if (s.transferId() != null && printed.add(s.transferId())) {
                    out.printf("  %s %s：%s → %s，%s 元，%s 到账（%s）%n", s.step().label(), row.insuranceType(),
                            s.actorOrgCode(), s.step() == WorkflowStep.FUNDED ? "411500-AGENCY"
                                    : row.payerOrgCode(), ledger.transfer(s.transferId()).orElseThrow().amount()
                                    .toYuanText(), s.receivedOn(), s.transferId());
                }
            }
        }
        for (Prepayment row : rows) {
            applications.complete(row.id(), WorkflowStep.PAID, LocalDate.of(2025, 2, 10),
                    clerk(row.payerOrgCode()), "demo:prepayment:paid:" + row.id());
            out.printf("  %s %s 预付 %s 元（%s）%n", registry.org(row.hospitalCode()).orElseThrow().name(),
                    row.insuranceType(), row.sized().toYuanText(), row.derivation().citation());
        }
    }

    /** January 2026: 罗山 is offset in full from December's settlement; 中心医院's is one fen short → full return. */
    private void clearing(PrintWriter out) {
        for (String hospital : List.of(XY_COUNTY_HOSPITAL, XY_CITY_HOSPITAL)) {
            Org org = registry.org(hospital).orElseThrow();
            String payer = prepayments.payerOf(org).code();
            String id = "PP-2025-" + hospital + "-310";
            Recovery clearing = recoveries.clear(id, LocalDate.of(2026, 1, 6), clerk(payer));
            Money outstanding = clearing.amount();
            Money due = hospital.equals(XY_CITY_HOSPITAL) ? outstanding.minus(Money.ofFen(1)) : outstanding;
            Money offset = recoveries.offset(new PaymentOffsets.OffsetRequest(payer, hospital, "310",
                    YearMonth.of(2025, 12), due, LocalDate.of(2026, 1, 20),
                    "demo:settlement:2025-12:" + hospital + ":310"));
            if (offset.isZero()) {
                recoveries.recordReturn(clearing.id(), outstanding, LocalDate.of(2026, 1, 28), clerk(payer),
                        "demo:prepayment:clearing-return:" + hospital);
                out.printf("  %s 12 月结算 %s 元差一分不足冲抵 %s 元：不部分冲抵，全额交回支出户%n", org.name(),
                        due.toYuanText(), outstanding.toYuanText());
            } else {
                out.printf("  %s 12 月结算全额冲抵预付金 %s 元%n", org.name(), offset.toYuanText());
            }
        }
    }

    /** The paying agencies' expenditure accounts start the demo with money to prepay from. */
    private void openingBalance(String agency) {
        ledger.openBook(agency);
        String requestId = "demo:prepayment:opening:" + agency;
        ledger.post(new BusinessEvent("opening.balance.expenditure-account", requestId, LocalDate.of(2023, 12, 31),
                YearMonth.of(2023, 12), Money.ofYuan("200000000.00"), Map.of("book", agency), null, "demo",
                requestId, null, null, "演示期初余额：支出户存款"));
    }

    private void openingSpecial(String book) {
        ledger.openBook(book);
        String requestId = "demo:prepayment:opening-special:" + book;
        ledger.post(new BusinessEvent("opening.balance.special-account", requestId, LocalDate.of(2023, 12, 31),
                YearMonth.of(2023, 12), Money.ofYuan("200000000.00"), Map.of("book", book), null, "demo",
                requestId, null, null, "演示期初余额：财政专户存款"));
    }

    /** A service agreement recorded by the paying agency's clerk and confirmed by its reviewer (maker-checker). */
    private void agreement(String hospital) {
        String agency = registry.agencyOf(registry.org(hospital).orElseThrow().regionCode()).orElseThrow().code();
        AgreementRecord recorded = agreements.record(new Agreement(hospital, "DEMO-XY-" + hospital,
                LocalDate.of(2023, 1, 1), null, "医保经办机构按年核定预付金，年初拨付、年终清算轧差", false, null),
                "演示：服务协议文本第八条（预付金条款）", clerk(agency), "demo:prepayment:agreement:" + hospital);
        agreements.confirm(recorded.id(), LocalDate.of(2023, 1, 1), reviewer(agency));
    }

    /**
     * Xinyang's art. 7 inputs for 2025, recorded by the city centre's clerk with the 2024 fund accounts as evidence and
     * confirmed by its reviewer: employee fund 14.4 months payable, resident 8.0; no deficit.
     */
    private void fundStatus() {
        for (String fund : prepayments.regime("411500", LocalDate.of(2025, 1, 2)).insuranceTypes()) {
            List<FundMonth> actual = new ArrayList<>();
            List<FundMonth> forecast = new ArrayList<>();
            for (int m = 1; m <= 12; m++) {
                actual.add(new FundMonth(YearMonth.of(2024, m), Money.ofYuan("52000000.00"),
                        Money.ofYuan("50000000.00")));
                forecast.add(new FundMonth(YearMonth.of(2025, m), Money.ofYuan("53000000.00"),
                        Money.ofYuan("52000000.00")));
            }
            Money balance = Money.ofYuan(fund.equals("310") ? "720000000.00" : "400000000.00");
            FundRecord recorded = fundStatuses.record("411500", fund, 2025,
                    new FundFigures(balance, actual, forecast), "演示：2024 年度基金决算报表及 2025 年滚动预测表",
                    LocalDate.of(2025, 1, 3), clerk("411500-AGENCY"), "demo:prepayment:fund-status:" + fund);
            fundStatuses.confirm(recorded.id(), reviewer("411500-AGENCY"));
        }
    }

    /** One settled visit a month for a hospital and fund, submitted by the agency that settles it. */
    private void settle(String hospital, String fund, int year, String monthlyYuan) {
        settle(hospital, fund, year, monthlyYuan, null);
    }

    /** Twelve monthly visits; {@code insuredRegion} non-null = persons insured there, settled in-province (pay_loc 3). */
    private void settle(String hospital, String fund, int year, String monthlyYuan, String insuredRegion) {
        Org org = registry.org(hospital).orElseThrow();
        String settling = SettlingAgency.regionCode(registry, org);
        List<Map<String, String>> rows = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            Map<String, String> row = new LinkedHashMap<>();
            String id = (insuredRegion == null ? "DPP" : "DPX") + hospital.substring(1) + fund + year
                    + String.format("%02d", m);
            row.put("setl_id", id);
            row.put("mdtrt_id", "M" + id);
            row.put("psn_no", "P" + id);
            row.put("fixmedins_code", hospital);
            row.put("insutype", fund);
            row.put("med_type", "21");
            row.put("clr_type", "21");
            row.put("clr_way", "1");
            row.put("clr_optins", settling);
            row.put("pay_loc", insuredRegion == null ? "2" : "3");
            row.put("insuplc_admdvs", insuredRegion == null ? org.regionCode() : insuredRegion);
            row.put("mdtrtarea_admvs", org.regionCode());
            row.put("setl_time", String.format("%d-%02d-10 10:00:00", year, m));
            Money fundPay = Money.ofYuan(monthlyYuan);
            row.put("medfee_sumamt", fundPay.plus(Money.ofYuan("100.00")).toPlainYuan());
            row.put("hifp_pay", fundPay.toPlainYuan());
            row.put("fund_pay_sumamt", fundPay.toPlainYuan());
            row.put("psn_part_amt", "100.00");
            row.put("acct_pay", "0.00");
            row.put("psn_cash_pay", "100.00");
            row.put("hosp_part_amt", "0.00");
            rows.add(row);
        }
        String requestId = "demo:prepayment:settlements:" + hospital + ":" + fund + ":" + year
                + (insuredRegion == null ? "" : ":" + insuredRegion);
        intake.submit(Actor.system(registry.agencyOf(settling).orElseThrow().code()), rows, requestId);
    }

    private static ApplicationForm form(Org org) {
        return new ApplicationForm(org.name() + "，" + org.grade() + "级，定点编码 " + org.code(),
                "严格履行服务协议，2024 年度绩效考核合格", "财务制度健全，经营正常，具备偿还能力", "按要求开展DIP支付方式改革、集采、谈判药落地",
                "积极配合日常检查和飞行检查", "12 个月内无处罚、无移送司法机关情形", true, true, true, true);
    }

    private static Actor clerk(String org) {
        return new Actor("demo-clerk", org, Set.of(Role.CLERK));
    }

    private static Actor reviewer(String org) {
        return new Actor("demo-reviewer", org, Set.of(Role.REVIEWER));
    }

}
