package org.medfund.prepayment.internal;

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
import org.medfund.prepayment.Agreement;
import org.medfund.prepayment.DisclosureLine;
import org.medfund.prepayment.Holder;
import org.medfund.prepayment.InvariantBreak;
import org.medfund.prepayment.Movement;
import org.medfund.prepayment.MovementKind;
import org.medfund.prepayment.PaymentLine;
import org.medfund.prepayment.Prepayment;
import org.medfund.prepayment.PrepaymentCategory;
import org.medfund.prepayment.PrepaymentStatus;
import org.medfund.prepayment.Prepayments;
import org.medfund.prepayment.Recovery;
import org.medfund.prepayment.RecoveryReason;
import org.medfund.prepayment.Regime;
import org.medfund.prepayment.RegisterFilter;
import org.medfund.prepayment.SizingOutcome;
import org.medfund.policy.PolicyPacks;
import org.medfund.policy.Resolved;
import org.medfund.registry.Account;
import org.medfund.registry.AccountKind;
import org.medfund.registry.Actor;
import org.medfund.registry.Org;
import org.medfund.registry.OrgKind;
import org.medfund.registry.Region;
import org.medfund.registry.RegionLevel;
import org.medfund.registry.Registry;
import org.medfund.registry.RegistryAdmin;
import org.medfund.registry.Role;
import org.medfund.notices.Tables;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link Prepayments}: sizing (Henan by the agency, henan-2023 二; Xinyang rows through {@link ApplicationService}),
 * approval with maker-checker, disbursement through the ledger (xinyang-2025 art. 15), the payment file, the
 * disclosure (art. 19) and the register invariant. Recovery, clearing and write-off are {@link RecoveryService}.
 */
@Service
class PrepaymentService implements Prepayments {

    private final RegisterStore register;
    private final MovementStore movements;
    private final RecoveryStore recoveries;
    private final AgreementStore agreements;
    private final Registry registry;
    private final PolicyPacks packs;
    private final BusinessCalendar calendar;
    private final Ledger ledger;
    private final BusinessDates dates;
    private final SettlementTotals totals;
    /** Optional: the hospital profile (medical community membership) when the registry offers editing. */
    private final ObjectProvider<RegistryAdmin> registryAdmin;

    PrepaymentService(RegisterStore register, MovementStore movements, RecoveryStore recoveries,
                      AgreementStore agreements, Registry registry, PolicyPacks packs, BusinessCalendar calendar,
                      Ledger ledger, SettlementTotals totals, ObjectProvider<RegistryAdmin> registryAdmin,
                      BusinessDates dates) {
        this.dates = dates;
        this.registryAdmin = registryAdmin;
        this.register = register;
        this.movements = movements;
        this.recoveries = recoveries;
        this.agreements = agreements;
        this.registry = registry;
        this.packs = packs;
        this.calendar = calendar;
        this.ledger = ledger;
        this.totals = totals;
    }

    /** The prepayment rules in force for a region on a date (which pack, which parameters). */
    @Override
    public Regime regime(String regionCode, LocalDate date) {
        return Regime.resolve(packs, regionCode, date);
    }

    /**
     * The due date of the year's prepayment (Henan: paid by Jan 15; Xinyang: applications by Jan 15), shifted, with
     * its basis (stored beside the date so that a holiday notice loaded later recomputes it).
     */
    @Override
    public Due due(Regime regime, int year) {
        return calendar.due(regime.deadline(), YearMonth.of(year, 1));
    }

    /** The regime that produced a row: its own pack version, whatever is in force today. */
    @Override
    public Regime regimeOf(Prepayment row) {
        return Regime.of(packs, row.packId(), row.packVersion());
    }

    /** The name staff cite a pack's document by: 《信阳市基本医疗保险基金预付管理办法》, else its document number. */
    @Override
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
    @Override
    public List<SizingOutcome> sizeRegion(String regionCode, int year, LocalDate date, Actor actor) {
        Access.requireRole(actor, Role.CLERK);
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
        List<SizingOutcome> outcomes = new ArrayList<>();
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

    private SizingOutcome sizeHenan(Org hospital, String fund, int year, Regime regime, LocalDate date, Actor actor,
                              List<String> refusals) {
        Optional<Prepayment> existing = register.prepayment(rowId(year, hospital.code(), fund));
        if (existing.isPresent()) {
            return new SizingOutcome(hospital.code(), fund, existing.get().id(), refusals);
        }
        if (!refusals.isEmpty()) {
            if (movements.outstanding(hospital.code(), fund).isZero()) {
                return new SizingOutcome(hospital.code(), fund, null, refusals);
            }
            return new SizingOutcome(hospital.code(), fund, sizeOne(hospital, fund, year, regime, date, actor, null,
                    String.join("；", refusals)).id(), refusals);
        }
        Derivation basis = basis(hospital, fund, year, regime, date);
        if (basis.result().isNegative()) {
            return new SizingOutcome(hospital.code(), fund, null, List.of(negativeBasis(basis, year, fund)));
        }
        return new SizingOutcome(hospital.code(), fund, sizeOne(hospital, fund, year, regime, date, actor, null, null).id(),
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
        Optional<Agreement> agreement = agreements.inForce(hospital.code(), date);
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
        Optional<Agreement> agreement = agreements.inForce(hospital.code(), date);
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
        Optional<Prepayment> existing = register.prepayment(id);
        if (existing.isPresent()) {
            return existing.get();
        }
        Derivation basis = basis(hospital, fund, year, regime, date);
        String reasons = notSized == null && basis.result().isNegative() ? negativeBasis(basis, year, fund) : notSized;
        Derivation derivation = reasons == null ? basis : new Derivation("本年不核定预付金额度",
                List.of(new Derivation.Input("原因", reasons)), regime.citation(Regime.FACTOR), Money.ZERO);
        Money outstanding = movements.outstanding(hospital.code(), fund);
        Optional<Resolved> resize = regime.resizedYearly();
        if (resize.isEmpty() && outstanding.isPositive()) {
            throw Rejection.conflict("prepayment.not-cleared", "hospitalCode", hospital.name() + " 险种 " + fund
                    + " 尚有预付金 " + outstanding.toYuanText() + " 元未清算，" + regime.packId() + " 不轧差，须先清算");
        }
        Netting netting = Netting.of(derivation.result(), outstanding,
                resize.map(Resolved::citation).orElse(derivation.citation()));
        boolean closed = reasons != null && !netting.toRecover().isPositive();
        Due due = due(regime, year);
        Prepayment row = new Prepayment(id, year, new Holder(hospital.code(), fund, payerOf(hospital).code()),
                hospital.regionCode(), new Prepayment.Basis(regime.packId(), regime.packVersion(),
                PrepaymentCategory.GENERAL, applicationId, derivation, reasons),
                new Prepayment.Amounts(derivation.result(), netting.outstanding(), netting.toPay(),
                        netting.toRecover()),
                closed ? PrepaymentStatus.CLOSED : PrepaymentStatus.PREPARED, due.date(),
                Prepayment.Handling.preparedBy(actor.userId()));
        register.insert(row, due.basis());
        return row;
    }

    /**
     * Who pays a hospital (xinyang-2025 art. 6(四)): county hospitals by their county centre, city-level hospitals by
     * the city centre.
     */
    @Override
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
    @Override
    public Prepayment approve(String prepaymentId, LocalDate date, Actor actor) {
        Prepayment row = require(prepaymentId, actor);
        Access.requireRole(actor, Role.REVIEWER);
        dates.check(date, "date");
        if (row.status() != PrepaymentStatus.PREPARED) {
            throw Rejection.conflict("prepayment.not-prepared", "prepaymentId", "预付金状态为 " + row.status().label()
                    + "，不能审核");
        }
        if (actor.userId().equals(row.preparedBy())) {
            throw Rejection.forbidden("prepayment.maker-checker", "prepaymentId", "审核人不能与经办人为同一人");
        }
        register.approve(prepaymentId, actor.userId(), date);
        return register.prepayment(prepaymentId).orElseThrow();
    }

    /**
     * Pays the netted difference through the ledger (Dr 暂付款—医保预付金 / Cr 支出户存款, xinyang-2025 art. 15) and, when
     * the new amount is smaller than what the hospital holds, opens the recovery of the excess by offset or return.
     */
    @Transactional
    @Override
    public Prepayment disburse(String prepaymentId, LocalDate date, boolean excessByOffset, Actor actor,
                               String requestId) {
        require(prepaymentId, actor);
        Access.requireRole(actor, Role.CLERK);
        // Locked, then read: of two disbursements at once the second waits and finds the row disbursed.
        Prepayment row = register.lockPrepayment(prepaymentId).orElseThrow();
        Access.requirePayer(row, actor);
        // The date itself is checked before the repeat answer: a bad date is refused even for a done disbursement.
        BusinessDates.BusinessDate on = dates.check(date, "date");
        if (row.status() == PrepaymentStatus.DISBURSED) {
            return row;
        }
        on.inBook(row.payerOrgCode()).notBefore(register.approvedOn(prepaymentId), "审核日期");
        if (row.status() != PrepaymentStatus.APPROVED) {
            throw Rejection.conflict("prepayment.not-approved", "prepaymentId", "预付金尚未审核通过");
        }
        if (row.toPay().isPositive()) {
            post("prepayment.disbursed", requestId, row, null, MovementKind.DISBURSED, row.toPay(), date,
                    row.year() + "年预付金拨付", row.derivation().citation());
        }
        if (row.toRecover().isPositive()) {
            // Henan 轧差: the new amount is smaller than what the hospital holds; recover the excess.
            recoveries.insert(Recovery.opened(row.id() + "-NETTING", row.id(), row.holder(),
                    Recovery.Cause.of(RecoveryReason.NETTING, "轧差：" + regimeOf(row).citation("prepayment.resize-yearly")),
                    Recovery.Terms.partial(date, row.dueOn(), excessByOffset ? date : null), row.toRecover(),
                    actor.userId()), register.dueBasis(row.id()));
        }
        register.setStatus(prepaymentId, PrepaymentStatus.DISBURSED);
        return register.prepayment(prepaymentId).orElseThrow();
    }

    /** Posts one movement through the ledger and records it in the register, once per request id. */
    void post(String eventType, String requestId, Prepayment row, String recoveryId, MovementKind kind, Money amount,
              LocalDate date, String memo, String article) {
        if (movements.exists(requestId)) {
            return;
        }
        if (!amount.isPositive()) {
            throw new IllegalStateException("movement amount must be positive: " + amount);
        }
        ledger.post(new BusinessEvent(eventType, requestId, date, YearMonth.from(date), amount,
                Map.of("agency", row.payerOrgCode(), "hospital", row.hospitalCode()), row.insuranceType(),
                "prepayment", row.id(), row.packId(), article, memo));
        movements.insert(requestId, row, recoveryId, kind, amount, date);
    }

    // ---- bank / e-payment file (henan-2023 二(二) "通过线上向医疗机构预拨")

    @Override
    public byte[] paymentFileCsv(String payerOrgCode, LocalDate date, Actor actor) {
        return Tables.csv(PAYMENT_FILE_HEADER.toArray(String[]::new),
                paymentRows(paymentFile(payerOrgCode, date, actor)));
    }

    @Override
    public byte[] paymentFileXlsx(String payerOrgCode, LocalDate date, Actor actor) {
        return Tables.xlsx(date + " 预付金", PAYMENT_FILE_HEADER.toArray(String[]::new),
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
     * Three queries whatever the number of lines: the day's disbursements (at most {@link #PAYMENT_FILE_LINES_MAX};
     * more is refused rather than cut, a partial bank file would pay some hospitals twice on a re-run), the payer's
     * accounts, and every payee hospital's accounts at once.
     */
    @Override
    public List<PaymentLine> paymentFile(String payerOrgCode, LocalDate date, Actor actor) {
        if (!actor.orgCode().equals(payerOrgCode) && !registry.canSeeOrg(actor, payerOrgCode)) {
            throw Rejection.forbidden("prepayment.out-of-scope", "payerOrgCode", "无权导出该经办机构的支付文件");
        }
        List<MovementStore.Disbursed> disbursed = movements.disbursedOn(payerOrgCode, date,
                PAYMENT_FILE_LINES_MAX + 1);
        if (disbursed.size() > PAYMENT_FILE_LINES_MAX) {
            throw new Rejection("prepayment.payment-file-too-large", "date", date + " 的预付金拨付超过 "
                    + PAYMENT_FILE_LINES_MAX + " 笔，请联系系统管理员分批导出");
        }
        List<Account> payerAccounts = registry.accounts(payerOrgCode);
        Map<String, List<Account>> hospitalAccounts = registry.accounts(
                disbursed.stream().map(MovementStore.Disbursed::hospitalCode).distinct().toList());
        List<PaymentLine> lines = new ArrayList<>();
        for (MovementStore.Disbursed d : disbursed) {
            var payer = payerAccounts.stream().filter(a -> a.kind() == AccountKind.EXPENDITURE
                    && (a.insuranceType() == null || a.insuranceType().equals(d.insuranceType()))).findFirst()
                    .orElseThrow(() -> new Rejection("prepayment.no-account", "payerOrgCode", payerOrgCode
                            + " 未登记险种 " + d.insuranceType() + " 的支出户"));
            var payee = hospitalAccounts.getOrDefault(d.hospitalCode(), List.of()).stream()
                    .filter(a -> a.kind() == AccountKind.BANK).findFirst()
                    .orElseThrow(() -> new Rejection("prepayment.no-account", "hospitalCode",
                            d.hospitalCode() + " 未登记结算账户"));
            lines.add(new PaymentLine(d.requestId(), d.prepaymentId(), payer.accountNo(), payer.accountName(),
                    payee.accountNo(), payee.accountName(), payee.bankName(), d.amount(),
                    d.year() + "年医保基金预付金（险种" + d.insuranceType() + "）"));
        }
        return lines;
    }

    // ---- register

    @Override
    public List<Prepayment> register(RegisterFilter filter, Actor actor) {
        List<Prepayment> visible = new ArrayList<>();
        for (Prepayment row : register.prepayments(filter)) {
            if (registry.canSeeOrg(actor, row.hospitalCode())) {
                visible.add(row);
            }
        }
        return visible;
    }

    @Override
    public Prepayment prepayment(String id, Actor actor) {
        return require(id, actor);
    }

    /** What the hospital still holds of one fund: disbursed − recovered − written off. */
    @Override
    public Money outstanding(String hospitalCode, String insuranceType) {
        return movements.outstanding(hospitalCode, insuranceType);
    }

    @Override
    public List<Movement> movements(String hospitalCode, Actor actor) {
        if (!registry.canSeeOrg(actor, hospitalCode)) {
            throw Rejection.forbidden("prepayment.out-of-scope", "hospitalCode", "无权查看该医疗机构");
        }
        return movements.movements(hospitalCode);
    }

    /**
     * DESIGN.md §5 invariant: for each payer, hospital and fund the ledger's 暂付款—医保预付金 balance equals the
     * register (disbursed − recovered − written off). Answers the breaks; tests assert there are none.
     */
    @Override
    public List<InvariantBreak> invariantBreaks(LocalDate asOf) {
        List<InvariantBreak> breaks = new ArrayList<>();
        for (MovementStore.RegisterBalance row : movements.registerBalances()) {
            Holder h = row.holder();
            Money booked = ledger.balance(h.payerOrgCode(), RECEIVABLE_ACCOUNT, h.hospitalCode(), h.insuranceType(),
                    asOf);
            if (!booked.equals(row.balance())) {
                breaks.add(new InvariantBreak(h.payerOrgCode(), h.hospitalCode(), h.insuranceType(), booked,
                        row.balance()));
            }
        }
        return breaks;
    }

    /** The year's prepayments the actor may see, with what was paid and recovered for each. */
    @Override
    public List<DisclosureLine> disclosure(int year, Actor actor) {
        List<DisclosureLine> lines = new ArrayList<>();
        Map<String, MovementStore.Moved> moved = movements.movedInYear(year);
        for (Prepayment row : register(RegisterFilter.year(year), actor)) {
            MovementStore.Moved m = moved.getOrDefault(row.id(), MovementStore.Moved.NONE);
            String name = registry.org(row.hospitalCode()).map(Org::name).orElse(row.hospitalCode());
            lines.add(new DisclosureLine(year, row.hospitalCode(), name, row.insuranceType(), row.packId(),
                    row.sized(), m.disbursed(), m.recovered(), row.status(), row.clearingMethod(), row.clearedOn()));
        }
        return lines;
    }

    /** A row not yet paid whose due date has passed or is near: for the deadline list. */
    @Override
    public List<Prepayment> unpaid(Actor actor) {
        List<Prepayment> unpaid = new ArrayList<>();
        for (PrepaymentStatus status : List.of(PrepaymentStatus.PREPARED, PrepaymentStatus.APPROVED)) {
            unpaid.addAll(register(RegisterFilter.status(status), actor));
        }
        unpaid.sort(java.util.Comparator.comparing(Prepayment::dueOn));
        return unpaid;
    }

    Prepayment require(String id, Actor actor) {
        Prepayment row = register.prepayment(id).orElseThrow(() -> Rejection.notFound("prepayment.not-found",
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
}
