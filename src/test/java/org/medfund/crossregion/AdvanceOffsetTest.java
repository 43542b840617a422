package org.medfund.crossregion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.contains;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medfund.DatabaseTest;
import org.medfund.cli.CliRun;
import org.medfund.cli.demo.TestDemo;
import org.medfund.common.Money;
import org.medfund.crossregion.MonthlyClearing.AdvanceReceivable;
import org.medfund.crossregion.MonthlyClearing.AdvanceRecovery;
import org.medfund.crossregion.MonthlyClearing.HospitalLine;
import org.medfund.crossregion.MonthlyClearing.Plan;
import org.medfund.ledger.Ledger;
import org.medfund.ledger.LedgerAudit;
import org.medfund.ledger.LedgerReports;
import org.medfund.ledger.PostedEntry;
import org.medfund.prepayment.Fixtures;
import org.medfund.registry.Actor;
import org.medfund.registry.Role;
import org.medfund.web.MedfundUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * henan-2023 三(三) "如有定点医药机构当月拨付计划为负值 … 由各统筹区基本医保基金先行垫付，并及时向定点医药机构进行追回，追回资金
 * 退回到各统筹区社会保障基金财政专户": a hospital's advance is recovered by offsetting it against its next positive plan of
 * the same insurance type, oldest advance first, the hospital being paid the rest; what is left stays a receivable,
 * which the hospital may still return in cash. Each scenario has hospitals of its own in 信阳 (罗山县, 411521) and
 * months of its own (December 2024 to December 2025); 信阳市中心医院 (demo) keeps 信阳's monthly total positive, every
 * row is employee care (310) of 平顶山's insured. After each: the ledger audit, and the receivables reconcile — each
 * hospital's 1211.04 暂付款—异地就医垫付 in 信阳's agency book equals what the receivable list says it owes.
 */
@DatabaseTest
// A database of its own: the months are province-wide plans, and 2025's Henan months belong to this test alone.
@TestPropertySource(properties = "medfund.test.context=advance-offset")
class AdvanceOffsetTest {

    static final String HEADER = "setl_id,fixmedins_code,insuplc_admdvs,mdtrtarea_admvs,insutype,setl_date,"
            + "fund_pay_sumamt\n";
    static final String XY_CITY_HOSPITAL = "H41150200001";
    static final String XY_AGENCY = "411500-AGENCY";

    @Autowired
    MonthlyClearing clearing;
    @Autowired
    Ledger ledger;
    @Autowired
    LedgerReports reports;
    @Autowired
    LedgerAudit audit;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationContext context;
    @Autowired
    MockMvc mvc;

    private final Actor centre = Fixtures.actor("t-ao-centre", "410000-CENTRE", Role.CLERK);
    private final Actor provinceFinance = Fixtures.actor("t-ao-pf", "410000-FINANCE", Role.FINANCE);
    private final Actor pds = Fixtures.actor("t-ao-pds", "410400-AGENCY", Role.CLERK);
    private final Actor xy = Fixtures.actor("t-ao-xy", XY_AGENCY, Role.CLERK);

    @BeforeEach
    void world() {
        TestDemo.ensure(context);
    }

    private static Money yuan(String text) {
        return Money.ofYuan(text);
    }

    private String hospital(String name) {
        return Fixtures.hospital(jdbc, "411521", 2, false, "（测试）" + name);
    }

    /** One month run through every step, each hospital one employee row; 信阳市中心医院 adds 10,000.00. */
    private Plan month(YearMonth period, Map<String, String> yuanByHospital) {
        StringBuilder rows = new StringBuilder(HEADER).append("T-AO-").append(period).append("-0,")
                .append(XY_CITY_HOSPITAL).append(",410400,411500,310,").append(period.atDay(3)).append(",10000.00\n");
        int n = 1;
        for (Map.Entry<String, String> e : yuanByHospital.entrySet()) {
            rows.append("T-AO-").append(period).append("-").append(n++).append(",").append(e.getKey())
                    .append(",410400,411500,310,").append(period.atDay(4)).append(",").append(e.getValue())
                    .append("\n");
        }
        clearing.importRows(period, rows.toString(), centre);
        clearing.confirmData(period, period.atDay(15), pds);
        clearing.confirmData(period, period.atDay(15), xy);
        clearing.generatePlan(period, period.atDay(18), centre);
        clearing.submitUsagePlan(period, period.atDay(19), centre);
        clearing.fundCentre(period, period.atDay(20), provinceFinance);
        clearing.confirmFunding(period, period.atDay(21), centre);
        clearing.disburse(period, period.atDay(22), centre);
        clearing.confirmDisbursement(period, period.atDay(23), xy);
        return clearing.payHospitals(period, period.atDay(25), xy);
    }

    private static HospitalLine line(Plan plan, String hospital) {
        return plan.hospitals().stream().filter(h -> h.hospitalCode().equals(hospital)).findFirst().orElseThrow();
    }

    private Money receivable(String hospital) {
        return ledger.balance(XY_AGENCY, "1211.04", hospital, "310", LocalDate.of(2025, 12, 31));
    }

    private Money special() {
        return ledger.balance(XY_AGENCY, "1003", null, null, LocalDate.of(2025, 12, 31));
    }

    private Money outstanding(String hospital) {
        return clearing.openAdvances(xy).stream().filter(a -> a.hospitalCode().equals(hospital))
                .map(a -> a.advance().outstanding()).reduce(Money.ZERO, Money::plus);
    }

    /** DESIGN.md §5: every book sound, and each hospital's advance receivable = advanced − offset − returned. */
    private void assertSoundAndReconciled() {
        audit.assertSound();
        Map<String, Money> owed = new HashMap<>();
        for (AdvanceReceivable a : clearing.openAdvances(centre)) {
            if (a.regionCode().equals("411500")) {
                owed.merge(a.hospitalCode(), a.advance().outstanding(), Money::plus);
            }
        }
        Map<String, Money> booked = new HashMap<>();
        reports.balancesByCounterparty(XY_AGENCY, "1211.04", LocalDate.of(2025, 12, 31))
                .forEach(b -> booked.put(b.counterpartyCode(), b.balance()));
        assertThat(booked).isEqualTo(owed);
    }

    @Test
    @DisplayName("henan-2023 三(三): an offset equal to the advance — the plan is all deducted, nothing paid, recovered")
    void offsetEqualsAdvance() {
        String h = hospital("等额抵扣");
        Plan february = month(YearMonth.of(2025, 2), Map.of(h, "-500.00"));
        assertThat(line(february, h).state()).isEqualTo(HospitalPayState.ADVANCED);
        assertThat(receivable(h)).isEqualTo(yuan("500.00"));
        Money specialBefore = special();
        Money spendingBefore = ledger.balance(XY_AGENCY, "1004", null, null, LocalDate.of(2025, 12, 31));

        Plan march = month(YearMonth.of(2025, 3), Map.of(h, "500.00"));
        HospitalLine paid = line(march, h);
        assertThat(paid.state()).isEqualTo(HospitalPayState.PAID);
        assertThat(paid.offset()).isEqualTo(yuan("500.00"));
        assertThat(paid.net()).isEqualTo(Money.ZERO);
        assertThat(paid.offsets()).singleElement().satisfies(o -> {
            assertThat(o.advancePeriod()).isEqualTo(YearMonth.of(2025, 2));
            assertThat(o.kind()).isEqualTo(AdvanceRecoveryKind.OFFSET);
            assertThat(o.recoveredOn()).isEqualTo(LocalDate.of(2025, 3, 25));
        });
        // Nothing paid to the hospital: no to-hospital posting, only the offset's voucher.
        assertThat(reports.entriesOfRequest("cr-mc-hospital-2025-03-" + h + "-310")).isEmpty();
        List<PostedEntry> vouchers = reports.entriesOfRequest(paid.offsets().get(0).requestId());
        assertThat(vouchers).singleElement().satisfies(e -> {
            assertThat(e.ruleType()).isEqualTo("crossregion.clearing.advance-offset");
            assertThat(e.memo()).contains("所属期间 2025-03", "职工", "2025-02负值拨付计划垫付资金", "财政专户");
        });
        HospitalLine advanced = line(clearing.plan(YearMonth.of(2025, 2), centre).orElseThrow(), h);
        assertThat(advanced.state()).isEqualTo(HospitalPayState.RECOVERED);
        assertThat(advanced.advance().recoveredOn()).isEqualTo(LocalDate.of(2025, 3, 25));
        assertThat(advanced.advance().outstanding()).isEqualTo(Money.ZERO);
        assertThat(receivable(h)).isEqualTo(Money.ZERO);
        // The 500.00 kept back from March's money returns from the expenditure account to the special account.
        assertThat(special()).isEqualTo(specialBefore.plus(yuan("500.00")));
        // March's 10,500.00 arrived in the expenditure account, 10,000.00 went to 信阳市中心医院, 500.00 back.
        assertThat(ledger.balance(XY_AGENCY, "1004", null, null, LocalDate.of(2025, 12, 31))).isEqualTo(spendingBefore);
        assertThat(clearing.openAdvances(xy)).noneMatch(a -> a.hospitalCode().equals(h));
        assertSoundAndReconciled();
    }

    @Test
    @DisplayName("henan-2023 三(三): a plan smaller than the advance is all deducted, the rest stays a receivable and"
            + " the hospital returns it in cash")
    void partialOffsetThenCash() throws Exception {
        String h = hospital("部分抵扣");
        month(YearMonth.of(2025, 4), Map.of(h, "-800.00"));
        Plan may = month(YearMonth.of(2025, 5), Map.of(h, "300.00"));
        assertThat(line(may, h).offset()).isEqualTo(yuan("300.00"));
        assertThat(line(may, h).net()).isEqualTo(Money.ZERO);
        assertThat(receivable(h)).isEqualTo(yuan("500.00")).isEqualTo(outstanding(h));
        AdvanceReceivable open = clearing.openAdvances(xy).stream().filter(a -> a.hospitalCode().equals(h))
                .findFirst().orElseThrow();
        assertThat(open.period()).isEqualTo(YearMonth.of(2025, 4));
        assertThat(open.advance().amount()).isEqualTo(yuan("800.00"));
        assertThat(open.advance().recoveries()).extracting(AdvanceRecovery::amount).containsExactly(yuan("300.00"));
        // The receivable list over the API: what is left, and the part offset with its month.
        mvc.perform(get("/api/crossregion/monthly-clearing/advances").with(user(MedfundUser.of(xy))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.hospitalCode == '" + h + "')].outstanding").value(contains("500.00")))
                .andExpect(jsonPath("$[?(@.hospitalCode == '" + h + "')].recoveries[0].offsetPeriod")
                        .value(contains("2025-05")));
        // And on the command line, with names.
        CliRun cli = CliRun.of(context, "monthly-clearing", "advances",
                "--org", XY_AGENCY, "--user", "t-ao-cli");
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out()).containsPattern("信阳市 （测试）部分抵扣\\S* 职工基本医疗保险，2025-04 垫付 800\\.00 元"
                + "（2025-04-25），已追回 300\\.00 元，待追回 500\\.00 元");
        assertSoundAndReconciled();

        // The hospital returns the remaining 500.00 in June, into 信阳's special account; the receivable closes.
        Money specialBefore = special();
        HospitalLine returned = clearing.recoverAdvance(YearMonth.of(2025, 4), h, "310", LocalDate.of(2025, 6, 10),
                xy);
        assertThat(returned.state()).isEqualTo(HospitalPayState.RECOVERED);
        assertThat(returned.advance().recoveries()).extracting(AdvanceRecovery::kind, AdvanceRecovery::amount)
                .containsExactly(tuple(AdvanceRecoveryKind.OFFSET, yuan("300.00")),
                        tuple(AdvanceRecoveryKind.RETURN, yuan("500.00")));
        assertThat(special()).isEqualTo(specialBefore.plus(yuan("500.00")));
        assertThat(receivable(h)).isEqualTo(Money.ZERO);
        assertThat(clearing.recoverAdvance(YearMonth.of(2025, 4), h, "310", LocalDate.of(2025, 6, 11), xy))
                .isEqualTo(returned);
        assertSoundAndReconciled();
    }

    @Test
    @DisplayName("henan-2023 三(三): a plan larger than the advance — the advance deducted, the hospital paid the rest")
    void planLargerThanAdvance() {
        String h = hospital("大于垫付");
        month(YearMonth.of(2025, 7), Map.of(h, "-250.50"));
        Money specialBefore = special();
        Plan august = month(YearMonth.of(2025, 8), Map.of(h, "1000.00"));
        HospitalLine paid = line(august, h);
        assertThat(paid.amount()).isEqualTo(yuan("1000.00"));
        assertThat(paid.offset()).isEqualTo(yuan("250.50"));
        assertThat(paid.net()).isEqualTo(yuan("749.50"));
        assertThat(reports.entriesOfRequest("cr-mc-hospital-2025-08-" + h + "-310")).singleElement()
                .satisfies(e -> {
                    assertThat(e.lines()).allSatisfy(l -> assertThat(l.debit().plus(l.credit()))
                            .isEqualTo(yuan("749.50")));
                    assertThat(e.memo()).contains("拨付计划 1,000.00 元，抵扣垫付资金 250.50 元，实拨 749.50 元");
                });
        assertThat(special()).isEqualTo(specialBefore.plus(yuan("250.50")));
        assertThat(receivable(h)).isEqualTo(Money.ZERO);
        // The month's report to province finance: paid net, offset apart (四(二)).
        assertThat(clearing.report(YearMonth.of(2025, 8), centre)).filteredOn(r -> r.regionCode().equals("411500"))
                .singleElement().satisfies(r -> {
                    assertThat(r.hospitalsPaid()).isEqualTo(yuan("10749.50"));
                    assertThat(r.advancesOffset()).isEqualTo(yuan("250.50"));
                    assertThat(r.hospitalsPaid().plus(r.advancesOffset())).isEqualTo(r.receive());
                });
        assertSoundAndReconciled();
    }

    @Test
    @DisplayName("henan-2023 三(三): two outstanding advances — the oldest is recovered first, the newer in part")
    void twoAdvancesOldestFirst() {
        String h = hospital("两笔垫付");
        month(YearMonth.of(2025, 9), Map.of(h, "-400.00"));
        month(YearMonth.of(2025, 10), Map.of(h, "-700.00"));
        assertThat(receivable(h)).isEqualTo(yuan("1100.00"));
        // Before November is paid, its plan shows the offsets it will take (planned: no date, no voucher yet).
        String rows = HEADER + "T-AO-2025-11-0," + XY_CITY_HOSPITAL + ",410400,411500,310,2025-11-03,10000.00\n"
                + "T-AO-2025-11-1," + h + ",410400,411500,310,2025-11-04,600.00\n";
        YearMonth november = YearMonth.of(2025, 11);
        clearing.importRows(november, rows, centre);
        clearing.confirmData(november, november.atDay(15), pds);
        clearing.confirmData(november, november.atDay(15), xy);
        HospitalLine planned = line(clearing.generatePlan(november, november.atDay(18), centre), h);
        assertThat(planned.offsets()).extracting(AdvanceRecovery::advancePeriod, AdvanceRecovery::amount,
                AdvanceRecovery::posted).containsExactly(
                        tuple(YearMonth.of(2025, 9), yuan("400.00"), false),
                        tuple(YearMonth.of(2025, 10), yuan("200.00"), false));
        Plan paid = month(november, Map.of(h, "600.00"));
        assertThat(line(paid, h).offsets()).extracting(AdvanceRecovery::advancePeriod, AdvanceRecovery::amount,
                AdvanceRecovery::posted).containsExactly(
                        tuple(YearMonth.of(2025, 9), yuan("400.00"), true),
                        tuple(YearMonth.of(2025, 10), yuan("200.00"), true));
        assertThat(line(paid, h).net()).isEqualTo(Money.ZERO);
        assertThat(line(clearing.plan(YearMonth.of(2025, 9), centre).orElseThrow(), h).state())
                .isEqualTo(HospitalPayState.RECOVERED);
        assertThat(line(clearing.plan(YearMonth.of(2025, 10), centre).orElseThrow(), h).advance().outstanding())
                .isEqualTo(yuan("500.00"));
        assertThat(receivable(h)).isEqualTo(yuan("500.00")).isEqualTo(outstanding(h));

        // Idempotent: paying again, or running the whole month again, posts nothing more.
        long entries = reports.entriesOfDocument("cr_mc_plan", "410000-" + november).size();
        assertThat(month(november, Map.of(h, "600.00"))).isEqualTo(paid);
        assertThat(reports.entriesOfDocument("cr_mc_plan", "410000-" + november)).hasSize((int) entries);
        assertThat(receivable(h)).isEqualTo(yuan("500.00"));
        assertSoundAndReconciled();
    }

    @Test
    @DisplayName("henan-2023 三(三): advanced in December 2024, offset by January 2025's plan across the year end")
    void acrossYearEnd() {
        String h = hospital("跨年抵扣");
        month(YearMonth.of(2024, 12), Map.of(h, "-123.45"));
        assertThat(ledger.balance(XY_AGENCY, "1211.04", h, "310", LocalDate.of(2024, 12, 31)))
                .isEqualTo(yuan("123.45"));
        Plan january = month(YearMonth.of(2025, 1), Map.of(h, "200.00"));
        assertThat(line(january, h).offsets()).singleElement().satisfies(o -> {
            assertThat(o.advancePeriod()).isEqualTo(YearMonth.of(2024, 12));
            assertThat(o.offsetPeriod()).isEqualTo(YearMonth.of(2025, 1));
        });
        assertThat(line(january, h).net()).isEqualTo(yuan("76.55"));
        // The receivable is carried over the year end and closed in January.
        assertThat(ledger.balance(XY_AGENCY, "1211.04", h, "310", LocalDate.of(2025, 1, 24)))
                .isEqualTo(yuan("123.45"));
        assertThat(receivable(h)).isEqualTo(Money.ZERO);
        assertSoundAndReconciled();
    }
    @Test
    @DisplayName("henan-2023 三(三): the plan shows the deduction ahead; a hospital that returns the money before the"
            + " payment day is paid its plan in full")
    void cashReturnBeforePayment() {
        String h = hospital("先行退回");
        month(YearMonth.of(2025, 6), Map.of(h, "-90.00"));
        YearMonth december = YearMonth.of(2025, 12);
        clearing.importRows(december, HEADER + "T-AO-2025-12-0," + XY_CITY_HOSPITAL
                + ",410400,411500,310,2025-12-03,10000.00\n" + "T-AO-2025-12-1," + h
                + ",410400,411500,310,2025-12-04,300.00\n", centre);
        clearing.confirmData(december, december.atDay(15), pds);
        clearing.confirmData(december, december.atDay(15), xy);
        HospitalLine planned = line(clearing.generatePlan(december, december.atDay(18), centre), h);
        assertThat(planned.offsets()).extracting(AdvanceRecovery::amount).containsExactly(yuan("90.00"));
        assertThat(planned.net()).isEqualTo(yuan("210.00"));

        clearing.recoverAdvance(YearMonth.of(2025, 6), h, "310", LocalDate.of(2025, 12, 10), xy);
        assertThat(line(clearing.plan(december, centre).orElseThrow(), h).offsets()).isEmpty();
        HospitalLine paid = line(month(december, Map.of(h, "300.00")), h);
        assertThat(paid.offsets()).isEmpty();
        assertThat(paid.net()).isEqualTo(yuan("300.00"));
        assertThat(receivable(h)).isEqualTo(Money.ZERO);
        assertSoundAndReconciled();
    }
}
