package org.medfund.settlement.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.medfund.calendar.BusinessCalendar;
import org.medfund.common.Derivation;
import org.medfund.common.Fingerprint;
import org.medfund.common.Money;
import org.medfund.common.Rejection;
import org.medfund.common.RequestLog;
import org.medfund.ledger.BusinessDates;
import org.medfund.ledger.BusinessEvent;
import org.medfund.ledger.Ledger;
import org.medfund.policy.PolicyPacks;
import org.medfund.policy.Resolved;
import org.medfund.registry.Account;
import org.medfund.registry.AccountKind;
import org.medfund.registry.Actor;
import org.medfund.registry.Org;
import org.medfund.registry.OrgKind;
import org.medfund.registry.Registry;
import org.medfund.registry.Role;
import org.medfund.settlement.BatchKind;
import org.medfund.settlement.BatchStatus;
import org.medfund.settlement.PaymentBatch;
import org.medfund.settlement.ReconciliationView;
import org.medfund.settlement.PaymentHolds;
import org.medfund.settlement.PaymentOffsets;
import org.medfund.settlement.MonthlySettlements;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Monthly settlement and payment (henan-2023 三(一), 四(二); hainan-2020 art. 16): the agency's clerk prepares a batch of
 * what it owes each hospital per insurance type for the confirmed reconciliations of a cycle; a finance user
 * approves it, which runs every {@link PaymentOffsets} bean and posts {@code settlement.paid} for the net. When the
 * agency declares it cannot pay on time, a FALLBACK batch pre-pays the last cycle's actual amount, deducted at the
 * next real settlement of that cycle. A hospital whose payments a {@link PaymentHolds} bean stops (xinyang-2025 art. 11)
 * is held, not paid, until {@link #release} finds the stop lifted.
 */
@Service
class JdbcMonthlySettlements implements MonthlySettlements {

    static final String RULE_CYCLE = "settlement.cycle";
    static final String RULE_FALLBACK = "settlement.fallback-last-cycle";

    private final Registry registry;
    private final PolicyPacks policy;
    private final BusinessCalendar calendar;
    private final JdbcReconciliations reconciliations;
    private final ReconciliationStore reconciliationStore;
    private final PaymentStore store;
    private final Ledger ledger;
    private final ObjectProvider<PaymentOffsets> offsets;
    private final ObjectProvider<PaymentHolds> holds;
    private final RequestLog requestLog;
    private final Clock clock;
    private final JdbcClearingApplications clearing;
    private final BusinessDates dates;

    JdbcMonthlySettlements(JdbcClearingApplications clearing, Registry registry, PolicyPacks policy, BusinessCalendar calendar,
                       JdbcReconciliations reconciliations, ReconciliationStore reconciliationStore, PaymentStore store,
                       Ledger ledger, ObjectProvider<PaymentOffsets> offsets, ObjectProvider<PaymentHolds> holds,
                       RequestLog requestLog, Clock clock, BusinessDates dates) {
        this.dates = dates;
        this.registry = registry;
        this.policy = policy;
        this.calendar = calendar;
        this.reconciliations = reconciliations;
        this.reconciliationStore = reconciliationStore;
        this.store = store;
        this.ledger = ledger;
        this.offsets = offsets;
        this.holds = holds;
        this.requestLog = requestLog;
        this.clock = clock;
        this.clearing = clearing;
    }

    /**
     * Payment deadline of a cycle from the policy pack (Hainan: N working days counted from day D of M+1), with the
     * calendar basis stored beside it so that a holiday notice loaded later recomputes it.
     */
    record Due(LocalDate date, String rule, String basis) {
    }

    Due due(Org agency, YearMonth cycle) {
        LocalDate asOf = cycle.plusMonths(1).atDay(1);
        Optional<Resolved> within = policy.find(agency.regionCode(), asOf, "settlement.pay-within-working-days");
        Optional<Resolved> from = policy.find(agency.regionCode(), asOf, "settlement.pay-count-from-day");
        if (within.isEmpty() || from.isEmpty()) {
            return new Due(null, null, null);
        }
        // Counting from day D with D as day 1 means adding N working days to day D − 1.
        LocalDate start = cycle.plusMonths(1).atDay(from.get().parameter().integer() - 1);
        int days = within.get().parameter().integer();
        org.medfund.calendar.Due due = calendar.dueAfterWorkingDays(start, days);
        return new Due(due.date(), "自 " + cycle.plusMonths(1) + "-" + from.get().parameter().value() + " 起 " + days
                + " 个工作日（" + within.get().citation() + "）", due.basis());
    }

    /**
     * The rule a cycle is settled under: {@code settlement.cycle} of the pack in force for the agency's region on the
     * first day after the cycle (Henan henan-2023 三(一), Hainan hainan-2020 art. 16). Regions whose packs set no cycle
     * (Guizhou, Handan) are settled monthly as the platform's default and say so instead of borrowing another
     * region's article; a pack that sets another cycle is refused, since batches here are monthly.
     */
    SettlementRule settlementRule(Org agency, YearMonth cycle) {
        Optional<Resolved> rule = policy.find(agency.regionCode(), cycle.plusMonths(1).atDay(1), RULE_CYCLE);
        if (rule.isEmpty()) {
            return new SettlementRule(null, null, "政策包未规定结算周期，按平台默认按月结算（docs/decisions.md settlement）");
        }
        if (!rule.get().parameter().value().equals("monthly")) {
            throw new Rejection("settlement.cycle-unsupported", "cycle", rule.get().packId() + " 规定的结算周期为 "
                    + rule.get().parameter().value() + "，本系统按月结算（" + rule.get().citation() + "）");
        }
        return new SettlementRule(rule.get().packId(), rule.get().parameter().article(), rule.get().citation());
    }

    /** A settlement rule as cited: pack id and article for the ledger, citation for derivations. */
    record SettlementRule(String packId, String article, String citation) {
    }

    /** The clerk prepares the regular batch of a cycle from its confirmed reconciliations; idempotent. */
    @Transactional
    public PaymentBatch prepare(Actor actor, YearMonth cycle, LocalDate on, String requestId) {
        JdbcReconciliations.required(on, "date");
        JdbcReconciliations.required(cycle, "cycle");
        Org agency = registry.requireOrg(actor.orgCode(), "org");
        JdbcReconciliations.requireAgencyRole(actor, agency, Role.CLERK);
        String id = requestLog.once("stl-cmd.prepare@" + agency.code(), requestId,
                Fingerprint.of(cycle.toString(), on.toString()),
                () -> Long.toString(doPrepare(actor, agency, cycle, on, requestId)));
        return batch(actor, Long.parseLong(id));
    }

    private long doPrepare(Actor actor, Org agency, YearMonth cycle, LocalDate on, String requestId) {
        dates.check(on, "date").notBefore(cycle.atDay(1), "结算周期首日");
        if (store.find(agency.code(), cycle, BatchKind.REGULAR).isPresent()) {
            throw Rejection.conflict("settlement.batch-exists", "cycle", cycle + " 的月度结算批次已生成");
        }
        settlementRule(agency, cycle);
        List<ReconciliationView> recons = reconciliationStore.confirmedUnpaid(agency.code(), cycle);
        Map<PaymentBatch.Payee, Reconciled> sums = new TreeMap<>(PAYEE_ORDER);
        for (ReconciliationView r : recons) {
            for (ReconciliationView.Group g : r.groups()) {
                PaymentBatch.Funds funds = new PaymentBatch.Funds(g.agencyPooledFund(),
                        g.agencyFund().minus(g.agencyPooledFund()), g.agencyAccount());
                sums.merge(new PaymentBatch.Payee(r.hospitalCode(), g.insutype()),
                        new Reconciled(funds, List.of(r.period())), Reconciled::plus);
            }
        }
        PaymentBatch advanceBatch = store.find(agency.code(), cycle, BatchKind.FALLBACK)
                .flatMap(f -> store.batch(f, null))
                .filter(b -> b.status() == BatchStatus.PAID).orElse(null);
        if (advanceBatch != null) {
            advanceBatch.lines().forEach(l -> sums.putIfAbsent(l.payee(), Reconciled.NONE));
        }
        if (sums.isEmpty()) {
            throw new Rejection("settlement.nothing-to-settle", "cycle", cycle + " 没有已复核确认的对账");
        }
        List<PaymentBatch.Line> lines = new ArrayList<>();
        sums.forEach((payee, reconciled) -> lines.add(regularLine(agency, cycle, payee, reconciled, advanceBatch)));
        Due due = due(agency, cycle);
        long batchId = store.insert(agency.code(), cycle, BatchKind.REGULAR, actor.userId(), on, due, null,
                requestId);
        store.insertLines(batchId, lines);
        recons.forEach(r -> reconciliationStore.assignBatch(r.id(), batchId));
        return batchId;
    }

    /** Lines of a batch in hospital, then insurance type order. */
    private static final java.util.Comparator<PaymentBatch.Payee> PAYEE_ORDER =
            java.util.Comparator.comparing(PaymentBatch.Payee::hospitalCode).thenComparing(PaymentBatch.Payee::insutype);

    /** What the confirmed reconciliations of a cycle give one payee: the funds and the fee months they cover. */
    private record Reconciled(PaymentBatch.Funds funds, List<YearMonth> periods) {

        static final Reconciled NONE = new Reconciled(PaymentBatch.Funds.NONE, List.of());

        Reconciled plus(Reconciled other) {
            List<YearMonth> months = new ArrayList<>(periods);
            other.periods.stream().filter(m -> !months.contains(m)).forEach(months::add);
            return new Reconciled(funds.plus(other.funds), months);
        }

        String months() {
            return String.join("、", periods.stream().map(YearMonth::toString).toList());
        }
    }

    private PaymentBatch.Line regularLine(Org agency, YearMonth cycle, PaymentBatch.Payee payee,
                                          Reconciled reconciled, PaymentBatch advanceBatch) {
        PaymentBatch.Funds s = reconciled.funds();
        Money gross = s.total();
        Money advance = advanceBatch == null ? Money.ZERO : advanceBatch.lines().stream()
                .filter(l -> l.payee().equals(payee))
                .map(PaymentBatch.Line::net).reduce(Money.ZERO, Money::plus);
        Money carriedIn = store.lastPaidLine(agency.code(), payee, cycle, BatchKind.REGULAR)
                .map(PaymentBatch.Line::carriedOut).orElse(Money.ZERO);
        TrueUp t = TrueUp.of(gross, advance, carriedIn);
        String citation = settlementRule(agency, cycle).citation() + (advance.isZero() && carriedIn.isZero() ? ""
                : "（预拨后清算）");
        Derivation d = new Derivation("应付 = max(0, 统筹基金 + 其他基金 + 个人账户 − 已预拨 − 上期结转多拨)",
                List.of(Derivation.Input.money("统筹基金支出", s.pooledFund()),
                        Derivation.Input.money("其他基金支出（基金支付总额 − 统筹基金支出）", s.otherFunds()),
                        Derivation.Input.money("个人账户支出", s.accountPay()),
                        Derivation.Input.money("本周期已预拨", advance),
                        Derivation.Input.money("上期结转多拨", carriedIn),
                        Derivation.Input.money("结转下期多拨", t.carriedOut()),
                        new Derivation.Input("对账月份", reconciled.months())),
                citation, t.due());
        String content = reconciled.periods().isEmpty() ? "预拨清算" : reconciled.months() + " 医疗费用月度结算";
        PaymentBatch.Amounts amounts = new PaymentBatch.Amounts(gross, advance, carriedIn, Money.ZERO, t.due(),
                t.carriedOut());
        return line(payee, s, amounts, memo(cycle, payee.insutype(), content), d.explain());
    }

    /** A new line, not held, paid to the hospital's registered bank account (its name if none is registered). */
    private PaymentBatch.Line line(PaymentBatch.Payee payee, PaymentBatch.Funds funds, PaymentBatch.Amounts amounts,
                                   String memo, String derivation) {
        String hospital = payee.hospitalCode();
        Optional<Account> bank = registry.accounts(hospital).stream().filter(a -> a.kind() == AccountKind.BANK)
                .findFirst();
        String name = registry.org(hospital).map(Org::name).orElse(hospital);
        PaymentBatch.BankAccount account = new PaymentBatch.BankAccount(bank.map(Account::accountName).orElse(name),
                bank.map(Account::bankName).orElse(null), bank.map(Account::accountNo).orElse(null));
        return new PaymentBatch.Line(hospital, payee.insutype(), funds, amounts, account, memo, derivation,
                PaymentBatch.Hold.NONE);
    }

    /** 摘要 naming the period, insurance type and content, as henan-2023 四(二) requires of every payment. */
    private String memo(YearMonth cycle, String insutype, String content) {
        String type = registry.insuranceType(insutype).map(t -> t.name()).orElse("险种 " + insutype);
        return cycle.getYear() + "年" + String.format("%02d", cycle.getMonthValue()) + "月 " + type + " " + content;
    }

    /**
     * The agency cannot pay a cycle on time (henan-2023 三(一) "因系统等特殊原因…无法按规定时间拨付"): it prepares
     * a FALLBACK batch that pre-pays every hospital the last cycle's actual settled amount per insurance type.
     */
    @Transactional
    public PaymentBatch declareFallback(Actor actor, YearMonth cycle, LocalDate on, String reason,
                                        String requestId) {
        JdbcReconciliations.required(on, "date");
        JdbcReconciliations.required(cycle, "cycle");
        Org agency = registry.requireOrg(actor.orgCode(), "org");
        JdbcReconciliations.requireAgencyRole(actor, agency, Role.CLERK);
        Resolved rule = policy.find(agency.regionCode(), on, RULE_FALLBACK)
                .filter(r -> r.parameter().flag())
                .orElseThrow(() -> new Rejection("settlement.no-fallback-rule", "cycle",
                        "适用的政策包没有“按上一结算周期实际结算金额预拨”的规定"));
        if (reason == null || reason.isBlank() || reason.length() > 400) {
            throw new Rejection("settlement.reason-required", "reason", "须说明无法按时拨付的原因（至多 400 字）");
        }
        String id = requestLog.once("stl-cmd.fallback@" + agency.code(), requestId,
                Fingerprint.of(cycle.toString(), on.toString(), reason),
                () -> Long.toString(doFallback(actor, agency, cycle, on, reason, rule, requestId)));
        return batch(actor, Long.parseLong(id));
    }

    private long doFallback(Actor actor, Org agency, YearMonth cycle, LocalDate on, String reason, Resolved rule,
                            String requestId) {
        dates.check(on, "date");
        if (store.find(agency.code(), cycle, BatchKind.FALLBACK).isPresent()
                || store.find(agency.code(), cycle, BatchKind.REGULAR).isPresent()) {
            throw Rejection.conflict("settlement.batch-exists", "cycle", cycle + " 已有结算或预拨批次");
        }
        List<PaymentBatch.Line> lines = new ArrayList<>();
        for (PaymentBatch.Payee payee : store.paidPayeesBefore(agency.code(), cycle)) {
            PaymentBatch.Line last = store.lastPaidLine(agency.code(), payee, cycle, BatchKind.REGULAR)
                    .orElseThrow();
            if (!last.gross().isPositive()) {
                continue;
            }
            Derivation d = new Derivation("预拨额 = 上一结算周期实际结算金额",
                    List.of(Derivation.Input.money("上一结算周期实际结算金额", last.gross()),
                            new Derivation.Input("上一结算周期摘要", last.memo())), rule.citation(), last.gross());
            PaymentBatch.Amounts amounts = new PaymentBatch.Amounts(last.gross(), Money.ZERO, Money.ZERO, Money.ZERO,
                    last.gross(), Money.ZERO);
            lines.add(line(payee, PaymentBatch.Funds.NONE, amounts,
                    memo(cycle, payee.insutype(), "医疗费用预拨款（按上一结算周期实际结算金额）"), d.explain()));
        }
        if (lines.isEmpty()) {
            throw new Rejection("settlement.no-last-cycle", "cycle", "没有上一结算周期的实际结算金额，无法预拨");
        }
        Due due = due(agency, cycle);
        long batchId = store.insert(agency.code(), cycle, BatchKind.FALLBACK, actor.userId(), on, due, reason, requestId);
        store.insertLines(batchId, lines);
        return batchId;
    }

    /**
     * A finance user approves a prepared batch and it is paid: offsets first (regular batches), then
     * {@code settlement.paid} (Dr 社会保险待遇支出 / Cr 支出户存款) for each positive net amount.
     */
    @Transactional
    public PaymentBatch approve(Actor actor, long batchId, LocalDate on, String requestId) {
        JdbcReconciliations.required(on, "date");
        PaymentBatch b = batch(actor, batchId);
        Org agency = registry.requireOrg(b.agencyCode(), "agency");
        requireFinance(actor, agency);
        if (actor.userId().equals(b.preparedBy())) {
            throw Rejection.forbidden("settlement.same-user", "user", "审核人不能是制单人");
        }
        requestLog.once("stl-cmd.approve@" + agency.code(), requestId, Fingerprint.of(Long.toString(batchId),
                on.toString()), () -> {
                    // Inside the request log: a repeat answers the first result even after the period closed.
                    dates.check(on, "date").inBook(agency.code()).notBefore(b.preparedOn(), "批次制单日期");
                    pay(actor, b, agency, on, requestId);
                    return Long.toString(batchId);
                });
        return batch(actor, batchId);
    }

    private void pay(Actor actor, PaymentBatch b, Org agency, LocalDate on, String requestId) {
        if (b.status() != BatchStatus.PREPARED) {
            throw Rejection.conflict("settlement.bad-status", "status", "批次状态为" + b.status().label()
                    + "，不能再次审核支付");
        }
        ledger.openBook(agency.code());
        List<String> heldHospitals = new ArrayList<>();
        for (PaymentBatch.Line l : b.lines()) {
            Optional<String> hold = l.net().isPositive() ? holdReason(agency, l.hospitalCode(), on) : Optional.empty();
            if (hold.isPresent()) {
                // Nothing is offset or posted: the whole amount due stays with the agency until the stop is lifted.
                store.holdLine(b.id(), l.payee(), hold.get());
                heldHospitals.add(l.hospitalCode());
                continue;
            }
            payLine(b, agency, l, on, requestId);
        }
        store.markPaid(b.id(), actor.userId(), on);
        reconciliationStore.markPaid(b.id(), heldHospitals);
        clearing.approveForBatch(agency.code(), b.cycle(),
                b.lines().stream().map(PaymentBatch.Line::hospitalCode).distinct().toList());
    }

    /** What paying a line came to: what the offsets recovered and what went to the hospital. */
    private record Settled(Money offsets, Money net) {
    }

    /** Runs the offsets (regular batches), posts {@code settlement.paid} for the net; answers offsets and net. */
    private Settled settle(PaymentBatch b, Org agency, PaymentBatch.Line l, LocalDate on, String requestId,
                           StringBuilder derivation) {
        Money due = l.net();
        Money recovered = Money.ZERO;
        if (b.kind() == BatchKind.REGULAR) {
            for (PaymentOffsets o : offsets.orderedStream().toList()) {
                Money rest = due.minus(recovered);
                Money taken = o.offset(new PaymentOffsets.OffsetRequest(agency.code(), l.hospitalCode(),
                        l.insutype(), b.cycle(), rest, on, requestId + "-" + l.hospitalCode() + "-" + l.insutype()));
                if (taken.isNegative() || taken.compareTo(rest) > 0) {
                    throw new IllegalStateException(o.getClass().getSimpleName() + " offset " + taken
                            + " outside 0.." + rest);
                }
                recovered = recovered.plus(taken);
            }
            derivation.append("；冲抵（预付金等）= ").append(recovered.toYuanText()).append("；实付 = 应付 − 冲抵 = ")
                    .append(due.minus(recovered).toYuanText());
        }
        Money net = due.minus(recovered);
        if (net.isPositive()) {
            SettlementRule rule = b.kind() == BatchKind.FALLBACK ? fallbackRule(agency, b) : settlementRule(agency, b.cycle());
            // The batch's document number, not its database id: ids skip what crashes and refusals rolled back,
            // and the ledger hashes what it is given, so the same payments must cite the same document.
            ledger.post(new BusinessEvent("settlement.paid", "stl-" + b.documentNo() + "-" + l.hospitalCode() + "-"
                    + l.insutype(), on, b.cycle(), net, Map.of("agency", agency.code(), "hospital",
                    l.hospitalCode()), l.insutype(), "settlement-payment", b.documentNo(), rule.packId(),
                    rule.article(), l.memo()));
        }
        return new Settled(recovered, net);
    }

    /** The fallback rule a FALLBACK batch was declared under (resolved again on its preparation date). */
    private SettlementRule fallbackRule(Org agency, PaymentBatch b) {
        Resolved rule = policy.find(agency.regionCode(), b.preparedOn(), RULE_FALLBACK).orElseThrow(() ->
                new IllegalStateException("fallback batch " + b.id() + " without a fallback rule"));
        return new SettlementRule(rule.packId(), rule.parameter().article(), rule.citation());
    }

    private void payLine(PaymentBatch b, Org agency, PaymentBatch.Line l, LocalDate on, String requestId) {
        StringBuilder derivation = new StringBuilder(l.derivation());
        Settled settled = settle(b, agency, l, on, requestId, derivation);
        store.settleLine(b.id(), l.payee(), settled.offsets(), settled.net(), derivation.toString());
    }

    /** The first reason any {@link PaymentHolds} bean gives for not paying the hospital on the date. */
    private Optional<String> holdReason(Org agency, String hospital, LocalDate on) {
        for (PaymentHolds h : holds.orderedStream().toList()) {
            Optional<String> reason = h.holdReason(agency.code(), hospital, on);
            if (reason.isPresent()) {
                return reason;
            }
        }
        return Optional.empty();
    }

    /**
     * A finance user pays the held lines of a paid batch whose hospitals are no longer stopped (xinyang-2025 art. 11:
     * the stop ends when the prepayment is recovered or written off); lines still stopped stay held with the reason
     * of today. Refused when nothing can be released, naming the reason.
     */
    @Transactional
    public PaymentBatch release(Actor actor, long batchId, LocalDate on, String requestId) {
        JdbcReconciliations.required(on, "date");
        PaymentBatch b = batch(actor, batchId);
        Org agency = registry.requireOrg(b.agencyCode(), "agency");
        requireFinance(actor, agency);
        requestLog.once("stl-cmd.release@" + agency.code(), requestId, Fingerprint.of(Long.toString(batchId),
                on.toString()), () -> {
                    dates.check(on, "date").inBook(agency.code()).notBefore(b.paidOn(), "批次支付日期");
                    doRelease(b, agency, on, requestId);
                    return Long.toString(batchId);
                });
        return batch(actor, batchId);
    }

    private void doRelease(PaymentBatch b, Org agency, LocalDate on, String requestId) {
        List<PaymentBatch.Line> held = b.lines().stream().filter(PaymentBatch.Line::held).toList();
        if (held.isEmpty()) {
            throw Rejection.conflict("settlement.nothing-held", "id", "批次 " + b.id() + " 没有暂停拨付的明细");
        }
        ledger.openBook(agency.code());
        List<String> released = new ArrayList<>();
        List<String> stillHeldHospitals = new ArrayList<>();
        String stillHeld = null;
        for (PaymentBatch.Line l : held) {
            Optional<String> hold = holdReason(agency, l.hospitalCode(), on);
            if (hold.isPresent()) {
                store.holdLine(b.id(), l.payee(), hold.get());
                stillHeld = hold.get();
                stillHeldHospitals.add(l.hospitalCode());
                continue;
            }
            StringBuilder derivation = new StringBuilder(l.derivation()).append("；暂停拨付（").append(l.holdReason())
                    .append("）已解除，").append(on).append(" 拨付");
            Settled settled = settle(b, agency, l, on, requestId, derivation);
            store.releaseLine(b.id(), l.payee(), settled.offsets(), settled.net(), derivation.toString(), on);
            released.add(l.hospitalCode());
        }
        if (released.isEmpty()) {
            throw Rejection.conflict("settlement.still-held", "id", "仍暂停拨付：" + stillHeld);
        }
        for (String hospital : released.stream().distinct().toList()) {
            if (!stillHeldHospitals.contains(hospital)) {
                reconciliationStore.markPaid(b.id(), hospital);
            }
        }
    }

    private void requireFinance(Actor actor, Org agency) {
        boolean finance = actor.has(Role.FINANCE) && (actor.orgCode().equals(agency.code())
                || registry.financeOf(agency.regionCode()).map(f -> f.code().equals(actor.orgCode())).orElse(false));
        if (!finance) {
            throw Rejection.forbidden("settlement.forbidden", "user", "须由 " + agency.name() + " 或同级财政的财务用户审核");
        }
    }

    public PaymentBatch batch(Actor actor, long id) {
        PaymentBatch b = store.batch(id, LocalDate.now(clock)).orElseThrow(() -> Rejection.notFound(
                "settlement.batch-not-found", "id", "结算批次不存在：" + id));
        return visible(actor, b).orElseThrow(() -> Rejection.forbidden("settlement.out-of-scope", "id",
                "无权查看该结算批次"));
    }

    /** A batch as the actor may see it: whole on the agency side, a hospital only its own lines, else nothing. */
    private Optional<PaymentBatch> visible(Actor actor, PaymentBatch b) {
        if (registry.canSeeOrg(actor, b.agencyCode())) {
            return Optional.of(b);
        }
        List<PaymentBatch.Line> own = b.lines().stream().filter(l -> l.hospitalCode().equals(actor.orgCode())).toList();
        if (own.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(b.withLines(own));
    }

    /**
     * Batches the actor may see, newest first and at most {@link #BATCHES_MAX}: an agency its own, a finance
     * department those of its region's agency (which it approves and releases), a hospital those that pay it (only
     * its own lines).
     */
    public List<PaymentBatch> batches(Actor actor) {
        Org org = registry.requireOrg(actor.orgCode(), "org");
        List<Long> ids = org.isHospital() ? store.batchIdsOfHospital(org.code(), BATCHES_MAX)
                : org.kind() == OrgKind.FINANCE ? registry.agencyOf(org.regionCode())
                        .map(a -> store.batchIds(a.code(), BATCHES_MAX)).orElse(List.of())
                : store.batchIds(org.code(), BATCHES_MAX);
        return store.batches(ids, LocalDate.now(clock)).stream()
                .flatMap(b -> visible(actor, b).stream()).toList();
    }

    @Override
    public List<PaymentBatch> batchesInScope(Actor actor) {
        Org org = registry.requireOrg(actor.orgCode(), "org");
        if (org.isHospital() || org.kind() == OrgKind.FINANCE) {
            return batches(actor);
        }
        List<Long> ids = new ArrayList<>();
        for (String agency : reconciliations.agenciesInScope(actor)) {
            ids.addAll(store.batchIds(agency, BATCHES_MAX));
        }
        return store.batches(ids, LocalDate.now(clock)).stream()
                .sorted(java.util.Comparator.comparing(PaymentBatch::cycle).reversed())
                .limit(BATCHES_MAX)
                .flatMap(b -> visible(actor, b).stream()).toList();
    }

    @Override
    public List<PaymentBatch> batchesOfHospital(Actor actor, String hospitalCode, YearMonth cycle) {
        JdbcReconciliations.required(cycle, "period");
        Org hospital = reconciliations.hospital(hospitalCode);
        if (!registry.canSeeOrg(actor, hospital.code())) {
            throw Rejection.forbidden("settlement.out-of-scope", "hospital", "无权查看该医疗机构的结算");
        }
        return store.batches(store.batchIdsOfHospital(hospital.code(), BATCHES_MAX), LocalDate.now(clock)).stream()
                .filter(b -> b.cycle().equals(cycle))
                .map(b -> new PaymentBatch(b.id(), b.agencyCode(), b.cycle(), b.kind(), b.status(), b.preparedBy(),
                        b.preparedOn(), b.approvedBy(), b.paidOn(), b.dueDate(), b.dueRule(), b.late(), b.reason(),
                        b.lines().stream().filter(l -> l.hospitalCode().equals(hospital.code())).toList()))
                .toList();
    }

    @Override
    public LocalDate paymentDue(String agencyCode, YearMonth cycle) {
        return due(registry.requireOrg(agencyCode, "agency"), cycle).date();
    }

    @Override
    public Optional<PaymentBatch> batchOfDocument(Actor actor, String documentNo) {
        return PaymentBatch.DocumentNo.parse(documentNo)
                .flatMap(d -> java.util.Arrays.stream(org.medfund.settlement.BatchKind.values())
                        .filter(k -> k.name().equals(d.kind())).findFirst()
                        .flatMap(kind -> store.find(d.agencyCode(), d.cycle(), kind)))
                .map(id -> batch(actor, id));
    }
}
