package org.medfund.cli.soak;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.medfund.claims.SettlementIntake;
import org.medfund.claims.SettlementRecords;
import org.medfund.claims.SettlingAgency;
import org.medfund.claims.SyntheticSettlements;
import org.medfund.common.Fingerprint;
import org.medfund.common.Money;
import org.medfund.common.RequestLog;
import org.medfund.ledger.Book;
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
import org.medfund.prepayment.RecoveryStatus;
import org.medfund.prepayment.RegisterFilter;
import org.medfund.prepayment.WorkflowStep;
import org.medfund.registry.Actor;
import org.medfund.registry.Org;
import org.medfund.registry.Registry;
import org.medfund.registry.Role;
import org.medfund.settlement.MonthlySettlements;
import org.medfund.settlement.PaymentBatch;
import org.medfund.settlement.ReconciliationApplication;
import org.medfund.settlement.ReconciliationView;
import org.medfund.settlement.Reconciliations;
import org.medfund.users.UserAccount;
import org.medfund.users.Users;
import org.springframework.stereotype.Component;

/**
 * The job the crash soak kills and restarts: the last {@code months} month-ends of 2025 for three Henan (平顶山) and
 * three Xinyang hospitals — settlement intake, reconciliation (apply, named clerk's check, reviewer's confirmation),
 * the agencies' payment batches prepared and paid through the ledger (henan-2023 三(一)), the books closed — framed by
 * the prepayment year: Henan's 2025 预拨 and its 2026 re-sizing with 轧差 (henan-2023 二(二)), Xinyang's 2025
 * applications with the art. 6 funding transfers and the all-or-nothing year-end clearing by offset from the
 * December settlement or full return (xinyang-2025 art. 6(五)).
 *
 * <p>Every step is one command as a clerk, the API or the CLI would issue it, with a fixed request id: a command
 * that takes one gets it, one that does not runs under the request log exactly as {@code Idempotency-Key} wraps it
 * in the API, and the rest are idempotent by their state (re-sizing a sized year, confirming a received transfer).
 * Running the steps again after a crash therefore changes nothing that was committed and completes what was not.
 * All input is derived from the seed; the business date of each step also sets the
 * {@link org.medfund.common.ReplayClock}, so the ledger's hash chains come out the same on every run of the same input.
 */
@Component
class SoakJob {

    static final int YEAR = 2025;
    static final List<String> HENAN_HOSPITALS = List.of("H41040200001", "H41042100001", "H41042500001");
    static final List<String> XINYANG_HOSPITALS = List.of("H41150200001", "H41152100001", "H41152500001");
    static final String XINYANG_CITY_AGENCY = "411500-AGENCY";
    static final String XINYANG_FINANCE = "411500-FINANCE";
    static final String XINYANG_BUREAU = "411500-BUREAU";
    static final int MONTHS_MAX = 12;
    static final int ROWS_PER_MONTH_MAX = 2_000;

    /** The job's input: which months of 2025 (the last {@code months}), how many records per hospital and month. */
    record Input(int months, int rowsPerMonth, long seed) {

        YearMonth firstMonth() {
            return YearMonth.of(YEAR, MONTHS_MAX - months + 1);
        }
    }

    /** One command of the job, with the business date it runs on. */
    record Step(String name, LocalDate date, Runnable command) {
    }

    private final Users users;
    private final Registry registry;
    private final Ledger ledger;
    private final RequestLog requestLog;
    private final SettlementIntake intake;
    private final SettlementRecords records;
    private final Reconciliations reconciliations;
    private final MonthlySettlements settlements;
    private final Prepayments prepayments;
    private final Applications applications;
    private final Recoveries recoveries;
    private final Agreements agreements;
    private final FundStatuses fundStatuses;

    SoakJob(Registry registry, Ledger ledger, RequestLog requestLog, SettlementIntake intake,
            SettlementRecords records, Reconciliations reconciliations, MonthlySettlements settlements,
            Prepayments prepayments, Applications applications, Recoveries recoveries, Agreements agreements,
            FundStatuses fundStatuses, Users users) {
        this.agreements = agreements;
        this.fundStatuses = fundStatuses;
        this.users = users;
        this.registry = registry;
        this.ledger = ledger;
        this.requestLog = requestLog;
        this.intake = intake;
        this.records = records;
        this.reconciliations = reconciliations;
        this.settlements = settlements;
        this.prepayments = prepayments;
        this.applications = applications;
        this.recoveries = recoveries;
    }

    static List<String> hospitals() {
        List<String> all = new ArrayList<>(HENAN_HOSPITALS);
        all.addAll(XINYANG_HOSPITALS);
        return all;
    }

    /** The agencies that settle the job's hospitals, in code order. */
    Set<String> settlingAgencies() {
        Set<String> agencies = new TreeSet<>();
        for (String h : hospitals()) {
            agencies.add(settlingAgency(h));
        }
        return agencies;
    }

    /** Every step of the job in order; each looks up what it acts on when it runs. */
    List<Step> steps(Input input) {
        List<Step> steps = new ArrayList<>();
        setup(input, steps);
        henanYear(YEAR, steps);
        xinyangYear(steps);
        for (YearMonth m = input.firstMonth(); !m.isAfter(YearMonth.of(YEAR, 12)); m = m.plusMonths(1)) {
            monthEnd(input, m, steps);
        }
        return steps;
    }

    // ---- set-up: opening balances, service agreements, last year's settlements, clerks, Xinyang's fund status

    private void setup(Input input, List<Step> steps) {
        LocalDate opening = LocalDate.of(YEAR - 1, 12, 31);
        Set<String> books = new TreeSet<>(settlingAgencies());
        for (String h : hospitals()) {
            books.add(payer(h));
        }
        for (String book : books) {
            steps.add(new Step("期初余额 " + book, opening, () -> openingBalance(book,
                    "opening.balance.expenditure-account", "期初余额：支出户存款")));
        }
        for (String book : List.of(XINYANG_FINANCE, XINYANG_CITY_AGENCY)) {
            steps.add(new Step("期初余额（专户）" + book, opening, () -> openingBalance(book,
                    "opening.balance.special-account", "期初余额：财政专户存款")));
        }
        LocalDate start = LocalDate.of(YEAR, 1, 2);
        for (String h : hospitals()) {
            steps.add(new Step("服务协议 " + h, start, () -> agreement(h)));
            for (String fund : funds(h)) {
                steps.add(new Step("上年结算 " + h + " " + fund, start, () -> lastYear(input, h, fund)));
            }
            steps.add(new Step("对账专人 " + h, start, () -> {
                if (reconciliations.clerkOf(h).isEmpty()) {
                    Actor named = reconciliationClerk(settlingAgency(h));
                    if (users.find(named.userId()).isEmpty()) {
                        users.create(new UserAccount(named.userId(), "浸泡测试对账专人", named.orgCode(),
                                Set.of(Role.CLERK), true), null);
                    }
                    reconciliations.assignClerk(clerk(settlingAgency(h)), h, named.userId());
                }
            }));
        }
        for (String fund : prepayments.regime("411500", start).insuranceTypes()) {
            steps.add(new Step("基金状况 411500 " + fund, start, () -> fundStatus(fund)));
        }
    }

    /** The funds the hospital's prepayment regime prepays in the soak year (both packs: 310, 390). */
    private List<String> funds(String hospital) {
        return prepayments.regime(registry.org(hospital).orElseThrow().regionCode(), LocalDate.of(YEAR, 1, 2))
                .insuranceTypes();
    }

    /** The hospital's service agreement, recorded by the settling agency's clerk and confirmed by its reviewer. */
    private void agreement(String hospital) {
        String agency = settlingAgency(hospital);
        AgreementRecord recorded = agreements.record(new Agreement(hospital, "SOAK-" + hospital,
                LocalDate.of(YEAR - 2, 1, 1), null, "医保经办机构按年核定预付金，年初拨付、年终清算轧差", false, null),
                "服务协议文本（预付金条款）", clerk(agency), "soak:agreement:" + hospital);
        agreements.confirm(recorded.id(), LocalDate.of(YEAR, 1, 2), reviewer(agency));
    }

    private void openingBalance(String book, String rule, String memo) {
        ledger.openBook(book);
        String requestId = "soak:opening:" + rule + ":" + book;
        ledger.post(new BusinessEvent(rule, requestId, LocalDate.of(YEAR - 1, 12, 31), YearMonth.of(YEAR - 1, 12),
                Money.ofYuan("300000000.00"), Map.of("book", book), null, "soak", requestId, null, null, memo));
    }

    /** Last year's pooled-fund pay, one record a month: what the 2025 prepayments are sized from. */
    private void lastYear(Input input, String hospital, String fund) {
        Org org = registry.org(hospital).orElseThrow();
        SplittableRandom random = new SplittableRandom(input.seed() ^ hospital.hashCode() ^ fund.hashCode());
        List<Map<String, String>> rows = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            long fundFen = 20_000_000 + random.nextLong(60_000_000);
            String id = "SK" + hospital.substring(1) + fund + (YEAR - 1) + String.format("%02d", m);
            Map<String, String> row = new LinkedHashMap<>();
            row.put("setl_id", id);
            row.put("mdtrt_id", "M" + id);
            row.put("psn_no", "P" + id);
            row.put("fixmedins_code", hospital);
            row.put("insutype", fund);
            row.put("med_type", "21");
            row.put("clr_type", "21");
            row.put("clr_way", "1");
            row.put("clr_optins", SettlingAgency.regionCode(registry, org));
            row.put("pay_loc", "2");
            row.put("insuplc_admdvs", org.regionCode());
            row.put("mdtrtarea_admvs", org.regionCode());
            row.put("setl_time", String.format("%d-%02d-10 10:00:00", YEAR - 1, m));
            row.put("medfee_sumamt", Money.ofFen(fundFen + 10_000).toPlainYuan());
            row.put("hifp_pay", Money.ofFen(fundFen).toPlainYuan());
            row.put("fund_pay_sumamt", Money.ofFen(fundFen).toPlainYuan());
            row.put("psn_part_amt", "100.00");
            row.put("acct_pay", "0.00");
            row.put("psn_cash_pay", "100.00");
            row.put("hosp_part_amt", "0.00");
            rows.add(row);
        }
        submit(settlingAgency(hospital), rows, "soak:last-year:" + hospital + ":" + fund);
    }

    /** An intake batch under the request log, as {@code POST /api/settlements} runs it. */
    private void submit(String submitter, List<Map<String, String>> rows, String requestId) {
        requestLog.once("claims.intake@" + submitter, requestId, Fingerprint.of(rows.toString()),
                () -> Long.toString(intake.submit(Actor.system(submitter), rows, requestId).rowsWritten()));
    }

    /** Xinyang art. 7 inputs: employee fund ≥ 12 months payable, resident ≥ 6, no deficit. */
    private void fundStatus(String fund) {
        List<FundMonth> actual = new ArrayList<>();
        List<FundMonth> forecast = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            actual.add(new FundMonth(YearMonth.of(YEAR - 1, m), Money.ofYuan("52000000.00"),
                    Money.ofYuan("50000000.00")));
            forecast.add(new FundMonth(YearMonth.of(YEAR, m), Money.ofYuan("53000000.00"),
                    Money.ofYuan("52000000.00")));
        }
        Money balance = Money.ofYuan(fund.equals("310") ? "720000000.00" : "400000000.00");
        FundRecord recorded = fundStatuses.record("411500", fund, YEAR, new FundFigures(balance,
                actual, forecast), "2024 年度基金决算报表及 2025 年滚动预测表", LocalDate.of(YEAR, 1, 2),
                clerk(XINYANG_CITY_AGENCY), "soak:fund-status:" + fund);
        fundStatuses.confirm(recorded.id(), reviewer(XINYANG_CITY_AGENCY));
    }

    // ---- Henan 预拨 (henan-2023 二(二)): sized by the agency, approved by a reviewer, paid; re-sized with 轧差

    private void henanYear(int year, List<Step> steps) {
        LocalDate sized = LocalDate.of(year, 1, 8);
        Set<String> regions = new TreeSet<>();
        for (String h : HENAN_HOSPITALS) {
            regions.add(registry.org(h).orElseThrow().regionCode());
        }
        for (String region : regions) {
            String agency = registry.agencyOf(region).map(Org::code).orElseThrow();
            steps.add(new Step("预拨核定 " + region + " " + year, sized,
                    () -> prepayments.sizeRegion(region, year, sized, clerk(agency))));
        }
        for (String h : HENAN_HOSPITALS) {
            for (String fund : funds(h)) {
                String id = "PP-" + year + "-" + h + "-" + fund;
                steps.add(new Step("预拨审核 " + id, sized.plusDays(1), () -> row(id).ifPresent(row -> once(
                        "soak.pp-approve@" + row.payerOrgCode(), "soak:approve:" + id,
                        () -> prepayments.approve(id, sized.plusDays(1), reviewer(row.payerOrgCode())).status().name()))));
                steps.add(new Step("预拨拨付 " + id, sized.plusDays(2), () -> row(id).ifPresent(row ->
                        prepayments.disburse(id, sized.plusDays(2), true, clerk(row.payerOrgCode()),
                                "soak:disburse:" + id))));
            }
        }
    }

    // ---- Xinyang 预付 (xinyang-2025 art. 6): application, review, city aggregation, bureau, funding, payment

    private void xinyangYear(List<Step> steps) {
        for (String h : XINYANG_HOSPITALS) {
            steps.add(new Step("预付申请 " + h, LocalDate.of(YEAR, 1, 8), () -> {
                Org org = registry.org(h).orElseThrow();
                applications.apply(h, YEAR, form(org), LocalDate.of(YEAR, 1, 8),
                        new Actor("soak-hospital", h, Set.of(Role.HOSPITAL)));
            }));
            steps.add(new Step("预付审核 " + h, LocalDate.of(YEAR, 1, 16), () -> {
                List<Finding> findings = new ArrayList<>();
                for (EligibilityCondition c : EligibilityCondition.values()) {
                    findings.add(new Finding(c, true, "已核查：" + c.text(), null));
                }
                applications.review("PA-" + YEAR + "-" + h, findings, LocalDate.of(YEAR, 1, 16), clerk(payer(h)));
            }));
        }
        for (String h : XINYANG_HOSPITALS) {
            for (String fund : funds(h)) {
                String id = "PP-" + YEAR + "-" + h + "-" + fund;
                xinyangStep(steps, id, WorkflowStep.CITY_AGGREGATED, LocalDate.of(YEAR, 1, 17),
                        clerk(XINYANG_CITY_AGENCY));
                xinyangStep(steps, id, WorkflowStep.BUREAU_REVIEWED, LocalDate.of(YEAR, 1, 20),
                        new Actor("soak-bureau", XINYANG_BUREAU, Set.of(Role.REVIEWER)));
            }
        }
        Actor finance = new Actor("soak-finance", XINYANG_FINANCE, Set.of(Role.FINANCE));
        for (String h : XINYANG_HOSPITALS) {
            for (String fund : funds(h)) {
                String id = "PP-" + YEAR + "-" + h + "-" + fund;
                LocalDate funded = LocalDate.of(YEAR, 2, 6);
                xinyangStep(steps, id, WorkflowStep.FUNDED, funded, finance);
                steps.add(new Step("到账确认 " + id + " FUNDED", funded, () -> open(id).ifPresent(row ->
                        applications.confirmReceipt(id, WorkflowStep.FUNDED, funded,
                                clerk(XINYANG_CITY_AGENCY)))));
            }
        }
        for (String h : XINYANG_HOSPITALS) {
            if (payer(h).equals(XINYANG_CITY_AGENCY)) {
                continue;
            }
            for (String fund : funds(h)) {
                String id = "PP-" + YEAR + "-" + h + "-" + fund;
                LocalDate shared = LocalDate.of(YEAR, 2, 7);
                xinyangStep(steps, id, WorkflowStep.COUNTY_SHARED, shared, clerk(XINYANG_CITY_AGENCY));
                steps.add(new Step("到账确认 " + id + " COUNTY_SHARED", shared, () -> open(id).ifPresent(row ->
                        applications.confirmReceipt(id, WorkflowStep.COUNTY_SHARED, shared,
                                clerk(payer(h))))));
            }
        }
        for (String h : XINYANG_HOSPITALS) {
            for (String fund : funds(h)) {
                String id = "PP-" + YEAR + "-" + h + "-" + fund;
                LocalDate paid = LocalDate.of(YEAR, 2, 10);
                steps.add(new Step("预付拨付 " + id, paid, () -> open(id).ifPresent(row -> applications.complete(id,
                        WorkflowStep.PAID, paid, clerk(row.payerOrgCode()), "soak:pp-paid:" + id))));
            }
        }
    }

    private void xinyangStep(List<Step> steps, String id, WorkflowStep step, LocalDate date, Actor actor) {
        steps.add(new Step(step.label() + " " + id, date, () -> open(id).ifPresent(row ->
                applications.complete(id, step, date, actor, null))));
    }

    // ---- one month-end (henan-2023 三(一)), with the year-end in January

    private void monthEnd(Input input, YearMonth month, List<Step> steps) {
        YearMonth next = month.plusMonths(1);
        boolean yearEnd = month.getMonthValue() == 12;
        for (String h : hospitals()) {
            steps.add(new Step("结算数据 " + h + " " + month, next.atDay(1), () -> monthRecords(input, h, month)));
        }
        for (String h : hospitals()) {
            steps.add(new Step("对账申请 " + h + " " + month, next.atDay(3), () -> apply(h, month)));
            steps.add(new Step("专人核对 " + h + " " + month, next.atDay(4), () -> recon(h, month).ifPresent(r ->
                    once("soak.recon-check@" + r.agencyCode(), "soak:check:" + h + ":" + month,
                            () -> reconciliations.check(reconciliationClerk(r.agencyCode()), r.id(), next.atDay(4))
                                    .status().name()))));
            steps.add(new Step("复核确认 " + h + " " + month, next.atDay(5), () -> recon(h, month).ifPresent(r ->
                    once("soak.recon-confirm@" + r.agencyCode(), "soak:confirm:" + h + ":" + month,
                            () -> reconciliations.confirm(reviewer(r.agencyCode()), r.id(), next.atDay(5))
                                    .status().name()))));
        }
        if (yearEnd) {
            for (String h : XINYANG_HOSPITALS) {
                for (String fund : funds(h)) {
                    String id = "PP-" + YEAR + "-" + h + "-" + fund;
                    steps.add(new Step("年终清算 " + id, next.atDay(6), () -> row(id).ifPresent(row ->
                            recoveries.clear(id, next.atDay(6), clerk(row.payerOrgCode())))));
                }
            }
        }
        for (String agency : settlingAgencies()) {
            steps.add(new Step("结算制单 " + agency + " " + month, next.atDay(6), () -> prepare(agency, month)));
        }
        if (yearEnd) {
            henanYear(YEAR + 1, steps);
        }
        for (String agency : settlingAgencies()) {
            steps.add(new Step("审核支付 " + agency + " " + month, next.atDay(10), () -> settlements.approve(
                    finance(agency), prepare(agency, month).id(), next.atDay(10), "soak:pay:" + agency + ":" + month)));
        }
        if (yearEnd) {
            for (String h : XINYANG_HOSPITALS) {
                for (String fund : funds(h)) {
                    String id = "PP-" + YEAR + "-" + h + "-" + fund + "-CLEARING";
                    steps.add(new Step("清算交回 " + id, next.atDay(20), () -> clearingReturn(h, id, next.atDay(20))));
                }
            }
        }
        steps.add(new Step("月末结账 " + month, next.atEndOfMonth(), () -> {
            for (Book book : ledger.books()) {
                ledger.closePeriod(book.orgCode(), month);
            }
        }));
    }

    private void monthRecords(Input input, String hospital, YearMonth month) {
        Org org = registry.org(hospital).orElseThrow();
        String settling = SettlingAgency.regionCode(registry, org);
        String inProvince = hospital.startsWith("H4104") ? "411521" : "410421";
        List<Map<String, String>> rows = new ArrayList<>();
        SyntheticSettlements.generate(hospital, hospital + "-" + month.toString().replace("-", "") + "-", settling,
                org.regionCode(), inProvince, month, input.rowsPerMonth(),
                input.seed() * 31 + hospital.hashCode() * 12L + month.getMonthValue(), rows::add);
        submit(hospital, rows, "soak:settlements:" + hospital + ":" + month);
    }

    /** The hospital's 3201 totals are the agency's own figures: the job's hospitals reconcile without differences. */
    private ReconciliationView apply(String hospital, YearMonth month) {
        String settling = SettlingAgency.regionCode(registry, registry.org(hospital).orElseThrow());
        List<ReconciliationApplication.Total> totals = new ArrayList<>();
        for (SettlementRecords.GroupTotal g : records.totals(hospital, month)) {
            totals.add(new ReconciliationApplication.Total(g.insuranceType(), g.clearingType(), settling,
                    month.atDay(1), month.atEndOfMonth(), g.medfeeSum(), g.fundPaySum(), g.accountPay(), g.count(),
                    "1"));
        }
        return reconciliations.apply(Actor.system(hospital), new ReconciliationApplication(hospital, month, totals,
                List.of()), month.plusMonths(1).atDay(3), "soak:reconcile:" + hospital + ":" + month);
    }

    private Optional<ReconciliationView> recon(String hospital, YearMonth month) {
        return reconciliations.list(Actor.system(hospital), month).stream()
                .filter(r -> r.hospitalCode().equals(hospital)).findFirst();
    }

    private PaymentBatch prepare(String agency, YearMonth month) {
        return settlements.prepare(clerk(agency), month, month.plusMonths(1).atDay(6),
                "soak:prepare:" + agency + ":" + month);
    }

    /** Art. 6(五): a clearing the December settlement could not absorb whole is returned in full. */
    private void clearingReturn(String hospital, String recoveryId, LocalDate date) {
        for (Recovery r : recoveries.recoveries(hospital, Actor.system(payer(hospital)))) {
            if (r.id().equals(recoveryId) && r.status() == RecoveryStatus.OPEN) {
                recoveries.recordReturn(r.id(), r.remaining(), date, clerk(r.payerOrgCode()),
                        "soak:clearing-return:" + r.id());
            }
        }
    }

    // ---- helpers

    /** A command without a request id of its own, under the request log as the API runs it. */
    private void once(String scope, String requestId, Supplier<String> command) {
        requestLog.once(scope, requestId, Fingerprint.of(scope, requestId), command);
    }

    private Optional<Prepayment> row(String id) {
        return prepayments.register(new RegisterFilter(null, hospitalOf(id), fundOf(id), null, null),
                Actor.system(payer(hospitalOf(id)))).stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** A row the art. 7 gate did not close. */
    private Optional<Prepayment> open(String id) {
        return row(id).filter(r -> r.status() != PrepaymentStatus.CLOSED);
    }

    private static String hospitalOf(String prepaymentId) {
        return prepaymentId.split("-")[2];
    }

    private static String fundOf(String prepaymentId) {
        return prepaymentId.split("-")[3];
    }

    private String settlingAgency(String hospital) {
        Org org = registry.org(hospital).orElseThrow();
        return registry.agencyOf(SettlingAgency.regionCode(registry, org)).map(Org::code).orElseThrow();
    }

    private String payer(String hospital) {
        return prepayments.payerOf(registry.org(hospital).orElseThrow()).code();
    }

    private static ApplicationForm form(Org org) {
        return new ApplicationForm(org.name() + "，" + org.grade() + "级，定点编码 " + org.code(),
                "严格履行服务协议，上年度绩效考核合格", "财务制度健全，经营正常，具备偿还能力", "按要求落实医保重点工作",
                "积极配合日常检查和飞行检查", "12 个月内无处罚、无移送司法机关情形", true, true, true, true);
    }

    private static Actor clerk(String org) {
        return new Actor("soak-clerk", org, Set.of(Role.CLERK));
    }

    /** The agency's named reconciliation clerk: a stored clerk account of that agency (one username per agency). */
    private static Actor reconciliationClerk(String org) {
        return new Actor("soak-clerk-" + org.toLowerCase(java.util.Locale.ROOT), org, Set.of(Role.CLERK));
    }

    private static Actor reviewer(String org) {
        return new Actor("soak-reviewer", org, Set.of(Role.REVIEWER));
    }

    private static Actor finance(String org) {
        return new Actor("soak-finance", org, Set.of(Role.FINANCE));
    }
}
