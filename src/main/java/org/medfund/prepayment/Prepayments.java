package org.medfund.prepayment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.medfund.calendar.BusinessCalendar;
import org.medfund.calendar.Due;
import org.medfund.claims.SettlementTotals;
import org.medfund.common.Derivation;
import org.medfund.common.Money;
import org.medfund.common.Rejection;
import org.medfund.ledger.BusinessDates;
import org.medfund.ledger.BusinessEvent;
import org.medfund.ledger.Ledger;
import org.medfund.policy.PolicyPacks;
import org.medfund.policy.Resolved;
import org.medfund.registry.Account;
import org.medfund.registry.Actor;
import org.medfund.registry.Org;
import org.medfund.registry.OrgKind;
import org.medfund.registry.Region;
import org.medfund.registry.RegionLevel;
import org.medfund.registry.Registry;
import org.medfund.registry.RegistryAdmin;
import org.medfund.registry.Role;
import org.medfund.notices.Tables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The prepayment facade: sizing (Henan by the agency, Xinyang on application), approval with maker-checker,
 * disbursement through the ledger, and the register. Recovery, clearing and write-off are in {@link Recoveries};
 * the Xinyang application and workflow in {@link Applications}.
 */
@Service
public class Prepayments {

    /** 暂付款—医保预付金 in the agency's book (ledger chart of accounts). */
    public static final String RECEIVABLE_ACCOUNT = "1211.01";
    public static final String GENERAL = "GENERAL";
    public static final int PAGE_ROWS_MAX = 500;

    /** One row of the register: a hospital's prepayment of one fund for one year. */
    public record Prepayment(String id, int year, String hospitalCode, String insuranceType, String regionCode,
                             String payerOrgCode, String packId, int packVersion, String category,
                             String applicationId, Money sized, Money outstandingBefore, Money toPay,
                             Money toRecover, Derivation derivation, String gateReasons, String status,
                             LocalDate dueOn, String preparedBy, String approvedBy, String clearingMethod,
                             LocalDate clearedOn) {
    }

    public record Movement(String requestId, String prepaymentId, String recoveryId, String kind, Money amount,
                           LocalDate date, String insuranceType, String payerOrgCode) {
    }

    /** A hospital and fund the sizing run looked at: the row it created, or why it created none. */
    public record Outcome(String hospitalCode, String insuranceType, String prepaymentId, List<String> refusals) {

        public Outcome {
            refusals = List.copyOf(refusals);
        }
    }

    public record Filter(Integer year, String hospitalCode, String insuranceType, String status, String packId) {
    }

    /** Where the ledger and the register disagree for one payer, hospital and fund (must never happen). */
    public record InvariantBreak(String payerOrgCode, String hospitalCode, String insuranceType, Money ledger,
                                 Money register) {
    }

    private final Store store;
    private final Registry registry;
    private final PolicyPacks packs;
    private final BusinessCalendar calendar;
    private final Ledger ledger;
    private final BusinessDates dates;
    private final SettlementTotals totals;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;
    /** Optional: the hospital profile (medical community membership) when the registry offers editing. */
    private final org.springframework.beans.factory.ObjectProvider<RegistryAdmin> registryAdmin;

    Prepayments(Store store, Registry registry, PolicyPacks packs, BusinessCalendar calendar, Ledger ledger,
                SettlementTotals totals, org.springframework.jdbc.core.simple.JdbcClient jdbc,
                org.springframework.beans.factory.ObjectProvider<RegistryAdmin> registryAdmin, BusinessDates dates) {
        this.dates = dates;
        this.registryAdmin = registryAdmin;
        this.store = store;
        this.registry = registry;
        this.packs = packs;
        this.calendar = calendar;
        this.ledger = ledger;
        this.totals = totals;
        this.jdbc = jdbc;
    }

    /** The prepayment rules in force for a region on a date (which pack, which parameters). */
    public Regime regime(String regionCode, LocalDate date) {
        return Regime.resolve(packs, regionCode, date);
    }

    /**
     * The due date of the year's prepayment (Henan: paid by Jan 15; Xinyang: applications by Jan 15), shifted, with
     * its basis (stored beside the date so that a holiday notice loaded later recomputes it).
     */
    public Due due(Regime regime, int year) {
        return calendar.due(regime.deadline(), YearMonth.of(year, 1));
    }

    /** The regime that produced a row: its own pack version, whatever is in force today. */
    public Regime regimeOf(Prepayment row) {
        return Regime.of(packs, row.packId(), row.packVersion());
    }

    /** The name staff cite a pack's document by: 《信阳市基本医疗保险基金预付管理办法》, else its document number. */
    public String documentName(String packId) {
        String title = packs.pack(packId).map(p -> p.title()).orElse(packId);
        int open = title.indexOf('《');
        int close = title.indexOf('》', open + 1);
        return open >= 0 && close > open ? title.substring(open, close + 1)
                : packs.pack(packId).map(p -> p.documentNo()).orElse(packId);
    }

    // ---- sizing

    /**
     * Henan (henan-2023 二): sizes every designated hospital of a region for a year, each fund of the pack, netted
     * against what each still holds. A hospital out of scope is answered with its refusals and gets no row — unless it
     * still holds a prepayment of that fund: then its row is sized at zero and the netting recovers everything
     * (二(二) "每年重新核定…清算轧差"). Re-running for a year already sized answers the existing rows and sizes those
     * that were refused before.
     */
    @Transactional
    public List<Outcome> sizeRegion(String regionCode, int year, LocalDate date, Actor actor) {
        requireRole(actor, Role.CLERK);
        registry.requireRegion(regionCode, "regionCode");
        if (!registry.canSeeRegion(actor, regionCode)) {
            throw Rejection.forbidden("prepayment.out-of-scope", "regionCode", "无权办理该地区的预付金");
        }
        dates.checkYear(year, "year");
        dates.check(date, "date");
        Regime regime = regime(regionCode, date);
        if (regime.applicationRequired()) {
            throw new Rejection("prepayment.application-required", "regionCode",
                    regime.packId() + " 实行申请制：请受理医疗机构申请（" + regime.citation(Regime.FACTOR) + "）");
        }
        regime.requireStarted(year);
        List<Outcome> outcomes = new ArrayList<>();
        for (Org hospital : registry.hospitals(regionCode)) {
            if (hospital.kind() != OrgKind.HOSPITAL) {
                continue;
            }
            List<String> refusals = henanRefusals(hospital, regime, date);
            for (String fund : regime.insuranceTypes()) {
                outcomes.add(sizeHenan(hospital, fund, year, regime, date, actor, refusals));
            }
        }
        return outcomes;
    }

    private Outcome sizeHenan(Org hospital, String fund, int year, Regime regime, LocalDate date, Actor actor,
                              List<String> refusals) {
        Optional<Prepayment> existing = store.prepayment(rowId(year, hospital.code(), fund));
        if (existing.isPresent()) {
            return new Outcome(hospital.code(), fund, existing.get().id(), refusals);
        }
        if (!refusals.isEmpty()) {
            if (store.outstanding(hospital.code(), fund).isZero()) {
                return new Outcome(hospital.code(), fund, null, refusals);
            }
            return new Outcome(hospital.code(), fund, sizeOne(hospital, fund, year, regime, date, actor, null,
                    String.join("；", refusals)).id(), refusals);
        }
        Derivation basis = basis(hospital, fund, year, regime, date);
        if (basis.result().isNegative()) {
            return new Outcome(hospital.code(), fund, null, List.of(negativeBasis(basis, year, fund)));
        }
        return new Outcome(hospital.code(), fund, sizeOne(hospital, fund, year, regime, date, actor, null, null).id(),
                List.of());
    }

    private static String rowId(int year, String hospitalCode, String fund) {
        return "PP-" + year + "-" + hospitalCode + "-" + fund;
    }

    /**
     * A year whose reversals outweigh its settlements has no monthly average to prepay from: refused with the
     * figures, so the agency can look at the data (a re-run sizes the hospital once it is corrected).
     */
    static String negativeBasis(Derivation basis, int year, String fund) {
        String total = basis.inputs().stream().filter(i -> i.name().equals(year - 1 + " 年合计")).findFirst()
                .map(Derivation.Input::value).orElse(basis.result().toYuanText());
        return "险种 " + fund + " " + (year - 1) + " 年统筹基金支付合计 " + total + " 元（冲正多于结算），按月均值核定为 "
                + basis.result().toYuanText() + " 元，不能核定预付金（" + basis.citation() + "）";
    }

    private List<String> henanRefusals(Org hospital, Regime regime, LocalDate date) {
        int gradeMin = regime.gradeMin().orElse(0);
        String citation = regime.find("prepayment.min-grade").map(r -> r.citation())
                .orElse(regime.citation(Regime.FACTOR));
        Optional<Agreements.Agreement> agreement = store.agreementInForce(hospital.code(), date);
        List<String> refusals = new ArrayList<>(Eligibility.henan(hospital.grade(), hospital.designated(),
                agreement.isPresent(), gradeMin, citation, regime.agreementRequired().map(Resolved::citation))
                .refusals());
        RegistryAdmin admin = registryAdmin.getIfAvailable();
        boolean community = admin != null && admin.hospitalProfile(hospital.code()).map(p -> p.medicalCommunity())
                .orElse(false);
        if (community && agreement.isPresent() && !agreement.get().medicalCommunity()) {
            refusals.add("县域紧密型医共体成员须在服务协议中约定预拨规则（henan-2023 二(二) “按有关规定执行”）");
        }
        return refusals;
    }

    /** Factor × last year's monthly average, the medical community's own factor when its agreement says so. */
    private Derivation basis(Org hospital, String fund, int year, Regime regime, LocalDate date) {
        Year lastYear = Year.of(year - 1);
        BigDecimal factor = regime.factor();
        String citation = regime.citation(Regime.FACTOR);
        Optional<Agreements.Agreement> agreement = store.agreementInForce(hospital.code(), date);
        if (agreement.isPresent() && agreement.get().medicalCommunity()) {
            factor = agreement.get().communityFactor();
            citation = citation + "；医共体按服务协议 " + agreement.get().agreementNo() + " 约定";
        }
        return Sizing.monthlyAverageTimes(
                totals.pooledFundPayByMonth(hospital.code(), fund, lastYear, regime.places()), lastYear, factor,
                regime.averageBasis(), citation);
    }

    /**
     * Sizes one hospital and fund (idempotent per year) and nets it against the outstanding balance where the pack
     * re-sizes yearly. {@code notSized} (gate reasons, refusals) sizes it at zero, and so does a negative basis (its
     * figures become the reason): the row is CLOSED, or PREPARED when the netting has something to recover.
     */
    Prepayment sizeOne(Org hospital, String fund, int year, Regime regime, LocalDate date, Actor actor,
                       String applicationId, String notSized) {
        String id = rowId(year, hospital.code(), fund);
        Optional<Prepayment> existing = store.prepayment(id);
        if (existing.isPresent()) {
            return existing.get();
        }
        Derivation basis = basis(hospital, fund, year, regime, date);
        String reasons = notSized == null && basis.result().isNegative() ? negativeBasis(basis, year, fund) : notSized;
        Derivation derivation = reasons == null ? basis : new Derivation("本年不核定预付金额度",
                List.of(new Derivation.Input("原因", reasons)), regime.citation(Regime.FACTOR), Money.ZERO);
        Money outstanding = store.outstanding(hospital.code(), fund);
        Optional<Resolved> resize = regime.resizedYearly();
        if (resize.isEmpty() && outstanding.isPositive()) {
            throw Rejection.conflict("prepayment.not-cleared", "hospitalCode", hospital.name() + " 险种 " + fund
                    + " 尚有预付金 " + outstanding.toYuanText() + " 元未清算，" + regime.packId() + " 不轧差，须先清算");
        }
        Netting netting = Netting.of(derivation.result(), outstanding,
                resize.map(Resolved::citation).orElse(derivation.citation()));
        boolean closed = reasons != null && !netting.toRecover().isPositive();
        Due due = due(regime, year);
        Prepayment row = new Prepayment(id, year, hospital.code(), fund, hospital.regionCode(),
                payerOf(hospital).code(), regime.packId(), regime.packVersion(), GENERAL, applicationId,
                derivation.result(), netting.outstanding(), netting.toPay(), netting.toRecover(), derivation, reasons,
                closed ? "CLOSED" : "PREPARED", due.date(), actor.userId(), null, null, null);
        store.insert(row, due.basis());
        return row;
    }

    /**
     * Who pays a hospital (xinyang-2025 art. 6(四)): county hospitals by their county centre, city-level hospitals by
     * the city centre.
     */
    public Org payerOf(Org hospital) {
        String regionCode = hospital.regionCode();
        if (hospital.cityManaged()) {
            regionCode = cityOf(regionCode).code();
        }
        String finalRegion = regionCode;
        return registry.agencyOf(regionCode).orElseThrow(() -> new Rejection("prepayment.no-agency", "hospitalCode",
                "地区 " + finalRegion + " 未登记医保经办机构"));
    }

    Region cityOf(String regionCode) {
        for (Region region : registry.lineage(regionCode)) {
            if (region.level() == RegionLevel.CITY) {
                return region;
            }
        }
        return registry.requireRegion(regionCode, "regionCode");
    }

    // ---- approval and disbursement

    /** Maker-checker: the reviewer who approves cannot be the clerk who prepared the row. */
    @Transactional
    public Prepayment approve(String prepaymentId, LocalDate date, Actor actor) {
        Prepayment row = require(prepaymentId, actor);
        requireRole(actor, Role.REVIEWER);
        dates.check(date, "date");
        if (!row.status().equals("PREPARED")) {
            throw Rejection.conflict("prepayment.not-prepared", "prepaymentId", "预付金状态为 " + row.status()
                    + "，不能审核");
        }
        if (actor.userId().equals(row.preparedBy())) {
            throw Rejection.forbidden("prepayment.maker-checker", "prepaymentId", "审核人不能与经办人为同一人");
        }
        store.approve(prepaymentId, actor.userId(), date);
        return store.prepayment(prepaymentId).orElseThrow();
    }

    /**
     * Pays the netted difference through the ledger (Dr 暂付款—医保预付金 / Cr 支出户存款, xinyang-2025 art. 15) and, when
     * the new amount is smaller than what the hospital holds, opens the recovery of the excess by offset or return.
     */
    @Transactional
    public Prepayment disburse(String prepaymentId, LocalDate date, boolean excessByOffset, Actor actor,
                               String requestId) {
        require(prepaymentId, actor);
        requireRole(actor, Role.CLERK);
        // Locked, then read: of two disbursements at once the second waits and finds the row disbursed.
        Prepayment row = store.lockPrepayment(prepaymentId).orElseThrow();
        requirePayer(row, actor);
        // The date itself is checked before the repeat answer: a bad date is refused even for a done disbursement.
        BusinessDates.BusinessDate on = dates.check(date, "date");
        if (row.status().equals("DISBURSED")) {
            return row;
        }
        on.inBook(row.payerOrgCode()).notBefore(store.approvedOn(prepaymentId), "审核日期");
        if (!row.status().equals("APPROVED")) {
            throw Rejection.conflict("prepayment.not-approved", "prepaymentId", "预付金尚未审核通过");
        }
        if (row.toPay().isPositive()) {
            post("prepayment.disbursed", requestId, row, null, "DISBURSED", row.toPay(), date,
                    row.year() + "年预付金拨付", row.derivation().citation());
        }
        if (row.toRecover().isPositive()) {
            // Henan 轧差: the new amount is smaller than what the hospital holds; recover the excess.
            store.insertRecovery(new Recoveries.Recovery(row.id() + "-NETTING", row.id(), row.hospitalCode(),
                    row.insuranceType(), row.payerOrgCode(), "NETTING", null, "轧差："
                    + regimeOf(row).citation("prepayment.resize-yearly"),
                    row.toRecover(), Money.ZERO, false, date, row.dueOn(), excessByOffset ? date : null, "OPEN",
                    null, actor.userId(), null), store.dueBasis(row.id()));
        }
        store.setStatus(prepaymentId, "DISBURSED");
        return store.prepayment(prepaymentId).orElseThrow();
    }

    /** Posts one movement through the ledger and records it in the register, once per request id. */
    void post(String eventType, String requestId, Prepayment row, String recoveryId, String kind, Money amount,
              LocalDate date, String memo, String article) {
        if (store.movementExists(requestId)) {
            return;
        }
        if (!amount.isPositive()) {
            throw new IllegalStateException("movement amount must be positive: " + amount);
        }
        ledger.post(new BusinessEvent(eventType, requestId, date, YearMonth.from(date), amount,
                Map.of("agency", row.payerOrgCode(), "hospital", row.hospitalCode()), row.insuranceType(),
                "prepayment", row.id(), row.packId(), article, memo));
        store.insertMovement(requestId, row, recoveryId, kind, amount, date);
    }

    // ---- bank / e-payment file (henan-2023 二(二) "通过线上向医疗机构预拨")

    /** One payment instruction: from the payer's expenditure account to the hospital's settlement account. */
    public record PaymentLine(String requestId, String prepaymentId, String payerAccountNo, String payerAccountName,
                              String payeeAccountNo, String payeeAccountName, String payeeBank, Money amount,
                              String purpose) {
    }

    public static final String[] PAYMENT_FILE_HEADER = {"业务编号", "预付金编号", "付款账号", "付款户名", "收款账号",
        "收款户名", "收款开户行", "金额（元）", "大写金额", "用途"};

    /** The payment file as CSV, in the settlement bank files' format ({@link Tables}), with a 合计 row. */
    public byte[] paymentFileCsv(String payerOrgCode, LocalDate date, Actor actor) {
        return Tables.csv(PAYMENT_FILE_HEADER, paymentRows(paymentFile(payerOrgCode, date, actor)));
    }

    /** The payment file as xlsx (amounts numeric, in yuan), one sheet named after the payer and date. */
    public byte[] paymentFileXlsx(String payerOrgCode, LocalDate date, Actor actor) {
        return Tables.xlsx(date + " 预付金", PAYMENT_FILE_HEADER,
                paymentRows(paymentFile(payerOrgCode, date, actor)));
    }

    private static List<Object[]> paymentRows(List<PaymentLine> lines) {
        List<Object[]> rows = new ArrayList<>();
        Money total = Money.ZERO;
        for (PaymentLine l : lines) {
            rows.add(new Object[] {l.requestId(), l.prepaymentId(), l.payerAccountNo(), l.payerAccountName(),
                l.payeeAccountNo(), l.payeeAccountName(), l.payeeBank(), l.amount(), l.amount().toChineseCapital(),
                l.purpose()});
            total = total.plus(l.amount());
        }
        rows.add(new Object[] {"合计", null, null, null, null, null, null, total, total.toChineseCapital(), null});
        return rows;
    }

    /**
     * The disbursements a payer made on a date, as payment instructions for the bank. A hospital or payer without
     * a registered account is a rejection naming it: a file with a blank account would bounce at the bank.
     */
    public List<PaymentLine> paymentFile(String payerOrgCode, LocalDate date, Actor actor) {
        if (!actor.orgCode().equals(payerOrgCode) && !registry.canSeeOrg(actor, payerOrgCode)) {
            throw Rejection.forbidden("prepayment.out-of-scope", "payerOrgCode", "无权导出该经办机构的支付文件");
        }
        record Disbursed(String requestId, String prepaymentId, Money amount, String hospitalCode,
                         String insuranceType, int year) {
        }
        List<Disbursed> disbursed = jdbc.sql("""
                select m.request_id, m.prepayment_id, m.amount_fen, m.hospital_code, m.insurance_type,
                       p.prepayment_year
                from prepayment_movement m join prepayment p on p.id = m.prepayment_id
                where m.payer_org_code = :payer and m.movement_date = :d and m.kind = 'DISBURSED'
                order by m.hospital_code, m.insurance_type""")
                .param("payer", payerOrgCode).param("d", date)
                .query((rs, n) -> new Disbursed(rs.getString(1), rs.getString(2), Money.ofFen(rs.getLong(3)),
                        rs.getString(4), rs.getString(5), rs.getInt(6))).list();
        List<Account> payerAccounts = registry.accounts(payerOrgCode);
        Map<String, List<Account>> hospitalAccounts = new HashMap<>();
        List<PaymentLine> lines = new ArrayList<>();
        for (Disbursed d : disbursed) {
            var payer = payerAccounts.stream().filter(a -> a.kind().equals("EXPENDITURE")
                    && (a.insuranceType() == null || a.insuranceType().equals(d.insuranceType()))).findFirst()
                    .orElseThrow(() -> new Rejection("prepayment.no-account", "payerOrgCode", payerOrgCode
                            + " 未登记险种 " + d.insuranceType() + " 的支出户"));
            var payee = hospitalAccounts.computeIfAbsent(d.hospitalCode(), registry::accounts).stream()
                    .filter(a -> a.kind().equals("BANK")).findFirst()
                    .orElseThrow(() -> new Rejection("prepayment.no-account", "hospitalCode",
                            d.hospitalCode() + " 未登记结算账户"));
            lines.add(new PaymentLine(d.requestId(), d.prepaymentId(), payer.accountNo(), payer.accountName(),
                    payee.accountNo(), payee.accountName(), payee.bankName(), d.amount(),
                    d.year() + "年医保基金预付金（险种" + d.insuranceType() + "）"));
        }
        return lines;
    }

    // ---- register

    public List<Prepayment> register(Filter filter, Actor actor) {
        List<Prepayment> visible = new ArrayList<>();
        for (Prepayment row : store.prepayments(filter)) {
            if (registry.canSeeOrg(actor, row.hospitalCode())) {
                visible.add(row);
            }
        }
        return visible;
    }

    public Prepayment prepayment(String id, Actor actor) {
        return require(id, actor);
    }

    /** What the hospital still holds of one fund: disbursed − recovered − written off. */
    public Money outstanding(String hospitalCode, String insuranceType) {
        return store.outstanding(hospitalCode, insuranceType);
    }

    public List<Movement> movements(String hospitalCode, Actor actor) {
        if (!registry.canSeeOrg(actor, hospitalCode)) {
            throw Rejection.forbidden("prepayment.out-of-scope", "hospitalCode", "无权查看该医疗机构");
        }
        return store.movements(hospitalCode);
    }

    /**
     * DESIGN.md §5 invariant: for each payer, hospital and fund the ledger's 暂付款—医保预付金 balance equals the
     * register (disbursed − recovered − written off). Answers the breaks; tests assert there are none.
     */
    public List<InvariantBreak> invariantBreaks(LocalDate asOf) {
        List<InvariantBreak> breaks = new ArrayList<>();
        for (Object[] row : store.registerBalances()) {
            Money register = Money.ofFen((Long) row[3]);
            Money booked = ledger.balance((String) row[0], RECEIVABLE_ACCOUNT, (String) row[1], (String) row[2], asOf);
            if (!booked.equals(register)) {
                breaks.add(new InvariantBreak((String) row[0], (String) row[1], (String) row[2], booked, register));
            }
        }
        return breaks;
    }

    /** One line of the annual public disclosure (xinyang-2025 art. 19): amount paid, clearing method and result. */
    public record DisclosureLine(int year, String hospitalCode, String hospitalName, String insuranceType,
                                 String packId, Money sized, Money disbursed, Money recovered, String status,
                                 String clearingMethod, LocalDate clearedOn) {
    }

    /** The year's prepayments the actor may see, with what was paid and recovered for each. */
    public List<DisclosureLine> disclosure(int year, Actor actor) {
        List<DisclosureLine> lines = new ArrayList<>();
        for (Prepayment row : register(new Filter(year, null, null, null, null), actor)) {
            long[] moved = jdbc.sql("""
                    select coalesce(sum(case when kind = 'DISBURSED' then amount_fen else 0 end), 0),
                           coalesce(sum(case when kind in ('RECOVERED_OFFSET', 'RECOVERED_RETURN') then amount_fen
                                             else 0 end), 0)
                    from prepayment_movement where prepayment_id = :id""")
                    .param("id", row.id()).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
            String name = registry.org(row.hospitalCode()).map(Org::name).orElse(row.hospitalCode());
            lines.add(new DisclosureLine(year, row.hospitalCode(), name, row.insuranceType(), row.packId(),
                    row.sized(), Money.ofFen(moved[0]), Money.ofFen(moved[1]), row.status(), row.clearingMethod(),
                    row.clearedOn()));
        }
        return lines;
    }

    /** A row not yet paid whose due date has passed or is near: for the deadline list. */
    public List<Prepayment> unpaid(Actor actor) {
        List<Prepayment> unpaid = new ArrayList<>();
        for (String status : List.of("PREPARED", "APPROVED")) {
            unpaid.addAll(register(new Filter(null, null, null, status, null), actor));
        }
        unpaid.sort(java.util.Comparator.comparing(Prepayment::dueOn));
        return unpaid;
    }

    Prepayment require(String id, Actor actor) {
        Prepayment row = store.prepayment(id).orElseThrow(() -> Rejection.notFound("prepayment.not-found",
                "prepaymentId", "预付金记录 " + id + " 不存在"));
        if (!registry.canSeeOrg(actor, row.hospitalCode())) {
            throw Rejection.notFound("prepayment.not-found", "prepaymentId", "预付金记录 " + id + " 不存在");
        }
        return row;
    }

    void requireStaff(Actor actor, String hospitalCode) {
        if (actor.has(Role.HOSPITAL) && !actor.has(Role.CLERK) || !registry.canSeeOrg(actor, hospitalCode)) {
            throw Rejection.forbidden("prepayment.out-of-scope", "hospitalCode", "无权办理该医疗机构的预付金");
        }
    }

    /**
     * Only the agency that pays a prepayment acts on its money (issue 11 #6: a province clerk raised a recovery on
     * a prepayment a city agency had paid). Superior agencies see it and supervise; they do not book for the payer
     * (docs/decisions.md). The system actor of a settlement offset acts for the paying agency itself.
     */
    static void requirePayer(Prepayment row, Actor actor) {
        if (!actor.orgCode().equals(row.payerOrgCode())) {
            throw Rejection.forbidden("prepayment.not-payer", "prepaymentId", "预付金 " + row.id() + " 由 "
                    + row.payerOrgCode() + " 拨付，只能由该经办机构办理");
        }
    }

    static void requireRole(Actor actor, Role role) {
        if (!actor.has(role)) {
            throw Rejection.forbidden("prepayment.role", "actor", "需要角色 " + role + " 才能办理");
        }
    }
}
