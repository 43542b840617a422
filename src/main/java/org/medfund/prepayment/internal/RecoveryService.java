package org.medfund.prepayment.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.medfund.calendar.BusinessCalendar;
import org.medfund.calendar.Due;
import org.medfund.common.Money;
import org.medfund.common.Rejection;
import org.medfund.policy.Resolved;
import org.medfund.ledger.BusinessDates;
import org.medfund.prepayment.ClearingMethod;
import org.medfund.prepayment.ClearingRule;
import org.medfund.prepayment.CourtSteps;
import org.medfund.prepayment.MovementKind;
import org.medfund.prepayment.Prepayment;
import org.medfund.prepayment.PrepaymentStatus;
import org.medfund.prepayment.Recoveries;
import org.medfund.prepayment.Recovery;
import org.medfund.prepayment.RecoveryReason;
import org.medfund.prepayment.RecoveryStatus;
import org.medfund.prepayment.RecoveryTrigger;
import org.medfund.prepayment.Regime;
import org.medfund.prepayment.RegisterFilter;
import org.medfund.registry.Actor;
import org.medfund.registry.Registry;
import org.medfund.registry.Role;
import org.medfund.settlement.PaymentHolds;
import org.medfund.settlement.PaymentOffsets;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link Recoveries}: getting prepayments back: Xinyang's all-or-nothing year-end clearing (xinyang-2025 art. 6(五)), the nine recovery
 * triggers (art. 10), a hospital leaving the prepayment scope, returns, offsets from monthly settlements (as a
 * {@link PaymentOffsets}), and art. 11 in its order: the decision that the amount cannot be recovered stops payments
 * (as a {@link PaymentHolds}: settlement holds the hospital's lines), the court application, the court's document
 * fixing the loss, the write-off after approval into the memo book. Every movement cites the rule of the pack that
 * paid the prepayment.
 */
@Service
class RecoveryService implements Recoveries {

    private final PrepaymentService prepayments;
    private final RegisterStore register;
    private final MovementStore movements;
    private final RecoveryStore store;
    private final BusinessCalendar calendar;
    private final Registry registry;
    private final BusinessDates dates;

    RecoveryService(PrepaymentService prepayments, RegisterStore register, MovementStore movements,
                    RecoveryStore store, BusinessCalendar calendar, Registry registry, BusinessDates dates) {
        this.dates = dates;
        this.prepayments = prepayments;
        this.register = register;
        this.movements = movements;
        this.store = store;
        this.calendar = calendar;
        this.registry = registry;
    }

    /**
     * Year-end clearing (xinyang-2025 art. 6(五)), by the end of January of the next year: the whole outstanding amount
     * is to be offset by the next settlement payment if it absorbs all of it; otherwise it is returned in full.
     */
    @Override
    @Transactional
    public Recovery clear(String prepaymentId, LocalDate date, Actor actor) {
        Prepayment row = prepayments.require(prepaymentId, actor);
        Access.requireRole(actor, Role.CLERK);
        Access.requirePayer(row, actor);
        BusinessDates.BusinessDate on = dates.check(date, "date");
        if (row.status() == PrepaymentStatus.CLEARING || row.status() == PrepaymentStatus.CLEARED) {
            return store.recovery(prepaymentId + "-CLEARING").orElse(null);
        }
        on.notBefore(movements.lastMovementOn(prepaymentId).orElse(null), "预付金最近一笔资金往来日期");
        if (row.status() != PrepaymentStatus.DISBURSED) {
            throw Rejection.conflict("prepayment.not-disbursed", "prepaymentId", "预付金尚未拨付，无需清算");
        }
        Money outstanding = movements.outstanding(row.hospitalCode(), row.insuranceType());
        if (outstanding.isZero()) {
            register.cleared(prepaymentId, ClearingMethod.NONE, date);
            return null;
        }
        Regime regime = prepayments.regimeOf(row);
        Due due = calendar.due(regime.clearingDeadline(), YearMonth.of(row.year() + 1, 1));
        Recovery clearing = Recovery.opened(prepaymentId + "-CLEARING", prepaymentId, row.holder(),
                Recovery.Cause.of(RecoveryReason.CLEARING, "年终清算（" + regime.citation("prepayment.clearing") + "）"),
                Recovery.Terms.of(regime.clearing(), date, due.date(), date), outstanding, actor.userId());
        store.insert(clearing, due.basis());
        register.setStatus(prepaymentId, PrepaymentStatus.CLEARING);
        return clearing;
    }

    /**
     * Art. 10: a trigger found; the whole outstanding amount of that fund is to be recovered. For the triggers the
     * pack gives a return period ((一)–(五): 10 working days) the hospital returns it itself and offsets start the day
     * after the due date; for the others offsets start at once. A partial return leaves the rest open (decisions.md).
     */
    @Override
    @Transactional
    public Recovery raise(String hospitalCode, String insuranceType, RecoveryTrigger trigger, String evidence,
                          LocalDate date, Actor actor) {
        prepayments.requireStaff(actor, hospitalCode);
        Access.requireRole(actor, Role.CLERK);
        if (evidence == null || evidence.isBlank()) {
            throw new Rejection("prepayment.evidence-missing", "evidence", "须记录收回事由的依据");
        }
        Prepayment row = latest(hospitalCode, insuranceType, actor);
        Access.requirePayer(row, actor);
        return openTrigger(row, trigger, evidence, date, actor);
    }

    /** Opens an art. 10 recovery of what the row's fund still holds (the caller checked role and scope). */
    private Recovery openTrigger(Prepayment row, RecoveryTrigger trigger, String evidence,
                                 LocalDate date, Actor actor) {
        String hospitalCode = row.hospitalCode();
        String insuranceType = row.insuranceType();
        Regime regime = prepayments.regimeOf(row);
        if (!regime.recoveryTriggers().contains(trigger)) {
            throw new Rejection("prepayment.trigger-unknown", "trigger", regime.packId() + " 未规定收回情形 "
                    + trigger.article() + " " + trigger.text());
        }
        String id = row.id() + "-" + trigger.name() + "-" + date;
        if (store.recovery(id).isPresent()) {
            return store.recovery(id).get();
        }
        dates.check(date, "date")
                .notBefore(movements.lastMovementOn(row.id()).orElse(null), "预付金最近一笔资金往来日期");
        Money amount = stillToOpen(hospitalCode, insuranceType);
        int returnDays = regime.returnWorkingDays(trigger);
        Due returnDue = calendar.dueAfterWorkingDays(date, returnDays);
        LocalDate offsetFrom = returnDays == 0 ? date : returnDue.date().plusDays(1);
        Recovery recovery = Recovery.opened(id, row.id(), row.holder(), Recovery.Cause.trigger(trigger, evidence),
                Recovery.Terms.partial(date, returnDue.date(), offsetFrom), amount, actor.userId());
        store.insert(recovery, returnDue.basis());
        return recovery;
    }

    /** Outstanding less what open recoveries already claim; refused when nothing is left to recover. */
    private Money stillToOpen(String hospitalCode, String insuranceType) {
        Money alreadyOwed = Money.ZERO;
        for (Recovery open : store.recoveries(hospitalCode)) {
            if (open.insuranceType().equals(insuranceType) && open.status().owed()) {
                alreadyOwed = alreadyOwed.plus(open.remaining());
            }
        }
        Money amount = movements.outstanding(hospitalCode, insuranceType).minus(alreadyOwed);
        if (!amount.isPositive()) {
            throw Rejection.conflict("prepayment.nothing-to-recover", "hospitalCode", "该医疗机构无待收回的预付金");
        }
        return amount;
    }

    /**
     * The hospital left the prepayment scope (its last service agreement ended): every fund it still holds is
     * recovered under the rule of the pack that paid it — art. 10(一) "被中止或解除医保协议" where the pack has the
     * trigger (Xinyang); otherwise at once, by offset from its remaining settlements or return (Henan: no agreement,
     * no prepayment, henan-2023 二(二); decisions.md). Answers the recoveries opened.
     */
    @Override
    @Transactional
    public List<Recovery> leaveScope(String hospitalCode, String evidence, LocalDate date, Actor actor) {
        List<Recovery> opened = new java.util.ArrayList<>();
        for (String fund : movements.fundsHeld(hospitalCode)) {
            Prepayment row = latest(hospitalCode, fund, Actor.system(actor.orgCode()));
            Regime regime = prepayments.regimeOf(row);
            if (regime.recoveryTriggers().contains(RecoveryTrigger.AGREEMENT_ENDED)) {
                opened.add(openTrigger(row, RecoveryTrigger.AGREEMENT_ENDED, evidence, date, actor));
            } else if (regime.agreementRequired().isPresent()) {
                String id = row.id() + "-SCOPE_EXIT-" + date;
                if (store.recovery(id).isEmpty()) {
                    // Due at once, on the day the scope ended: no calendar rule, so no basis to recompute.
                    store.insert(Recovery.opened(id, row.id(), row.holder(), Recovery.Cause.of(
                            RecoveryReason.SCOPE_EXIT, "退出预拨范围（" + regime.agreementRequired().get().citation()
                            + "）：" + evidence), Recovery.Terms.partial(date, date, date),
                            stillToOpen(hospitalCode, fund), actor.userId()), null);
                }
                opened.add(store.recovery(id).orElseThrow());
            }
        }
        return opened;
    }

    /** Art. 8 / art. 16: a breach of use found by supervision raises recovery trigger (七) for both funds held. */
    @Override
    @Transactional
    public List<Recovery> breachOfUse(String hospitalCode, String finding, LocalDate date, Actor actor) {
        List<Recovery> raised = new java.util.ArrayList<>();
        for (String fund : movements.fundsHeld(hospitalCode)) {
            raised.add(raise(hospitalCode, fund, RecoveryTrigger.MISUSE, "监督检查发现违规使用：" + finding, date,
                    actor));
        }
        if (raised.isEmpty()) {
            throw Rejection.conflict("prepayment.nothing-to-recover", "hospitalCode", "该医疗机构无预付金余额");
        }
        return raised;
    }

    /** The hospital returned money to the expenditure account: Dr 支出户存款 / Cr 暂付款—医保预付金. */
    @Override
    @Transactional
    public Recovery recordReturn(String recoveryId, Money amount, LocalDate date, Actor actor, String requestId) {
        requireRecovery(recoveryId, actor);
        Access.requireRole(actor, Role.CLERK);
        // Locked, then read: two returns at once must not both fit into what remained before either.
        Recovery recovery = store.lock(recoveryId).orElseThrow();
        Access.requirePayer(recovery, actor);
        BusinessDates.BusinessDate on = dates.check(date, "date");
        if (movements.exists(requestId)) {
            return store.recovery(recoveryId).orElseThrow();
        }
        on.inBook(recovery.payerOrgCode()).notBefore(recovery.foundOn(), "收回事项发现日期");
        if (amount == null) {
            throw new Rejection("prepayment.return-amount", "amount", "须填写退回金额");
        }
        if (!recovery.status().owed()) {
            throw Rejection.conflict("prepayment.recovery-closed", "recoveryId", "该收回事项已办结");
        }
        if (!amount.isPositive() || amount.compareTo(recovery.remaining()) > 0) {
            throw new Rejection("prepayment.return-amount", "amount", "退回金额须大于 0 且不超过待收回 "
                    + recovery.remaining().toYuanText() + " 元");
        }
        if (recovery.allOrNothing() && !amount.equals(recovery.remaining())) {
            throw new Rejection("prepayment.return-in-full", "amount", "年终清算须全额交回 "
                    + recovery.remaining().toYuanText() + " 元，不得部分交回（xinyang-2025 art. 6(五)）");
        }
        Prepayment row = prepayments.require(recovery.prepaymentId(), actor);
        prepayments.post("prepayment.recovered.return", requestId, row, recoveryId, MovementKind.RECOVERED_RETURN,
                amount, date,
                "预付金交回", article(recovery, row));
        afterRecovered(recovery, amount, date, ClearingMethod.RETURN);
        return store.recovery(recoveryId).orElseThrow();
    }

    /**
     * Settlement calls this before paying a hospital (xinyang-2025 art. 10, 6(五)): open recoveries due for offset take
     * from the amount due, oldest first; a clearing is offset only whole, and when this settlement cannot absorb it
     * the hospital must return it instead. Repeating a request answers the first result.
     */
    @Override
    @Transactional
    public Money offset(OffsetRequest request) {
        String prefix = request.requestId() + ":prepayment:";
        if (movements.countForRequestPrefix(prefix) > 0) {
            return movements.movedForRequestPrefix(prefix);
        }
        Money left = request.due();
        Actor system = Actor.system(request.agencyOrgCode());
        for (Recovery recovery : store.offsettable(request.agencyOrgCode(), request.hospitalCode(),
                request.insuranceType(), request.date())) {
            ClearingRule rule = recovery.allOrNothing() ? ClearingRule.ALL_OR_NOTHING : ClearingRule.PARTIAL;
            Money take = Clearing.offset(rule, recovery.remaining(), left);
            if (!take.isPositive()) {
                if (rule == ClearingRule.ALL_OR_NOTHING) {
                    // Art. 6(五) "不能全额冲抵的全额交回": this settlement cannot absorb it; the hospital returns it.
                    store.noOffset(recovery.id());
                }
                continue;
            }
            Prepayment row = prepayments.require(recovery.prepaymentId(), system);
            prepayments.post("prepayment.recovered.offset", prefix + recovery.id(), row, recovery.id(),
                    MovementKind.RECOVERED_OFFSET, take, request.date(), request.period() + " 结算冲抵预付金",
                    article(recovery, row));
            afterRecovered(recovery, take, request.date(), ClearingMethod.OFFSET);
            left = left.minus(take);
        }
        return request.due().minus(left);
    }

    private void afterRecovered(Recovery recovery, Money amount, LocalDate date, ClearingMethod method) {
        store.recovered(recovery.id(), amount, date);
        if (recovery.reason() == RecoveryReason.CLEARING && amount.equals(recovery.remaining())) {
            register.cleared(recovery.prepaymentId(), method, date);
        }
    }

    /**
     * The article a recovery's money movement cites: the rule of the pack that paid the prepayment under which it is
     * recovered — Henan 轧差 henan-2023 二(二), Xinyang clearing art. 6(五) or the art. 10 item — never another regime's.
     */
    private String article(Recovery recovery, Prepayment row) {
        Regime regime = prepayments.regimeOf(row);
        return switch (recovery.reason()) {
            case NETTING -> regime.require("prepayment.resize-yearly").parameter().article();
            case CLEARING -> regime.require("prepayment.clearing").parameter().article();
            case TRIGGER -> recovery.trigger().article();
            case SCOPE_EXIT -> regime.require("prepayment.agreement-required").parameter().article();
        };
    }

    /**
     * Art. 11: the agency decides the prepayment cannot be recovered; from that date it stops paying the hospital's
     * settlements (settlement holds them through {@link #holdReason}) and goes on to apply to the court.
     */
    @Override
    @Transactional
    public Recovery unrecoverable(String recoveryId, String reason, LocalDate date, Actor actor) {
        Recovery recovery = requireRecovery(recoveryId, actor);
        Access.requireRole(actor, Role.CLERK);
        Access.requirePayer(recovery, actor);
        dates.check(date, "date").notBefore(recovery.foundOn(), "收回事项发现日期");
        if (recovery.status() != RecoveryStatus.OPEN) {
            throw Rejection.conflict("prepayment.recovery-closed", "recoveryId", "该收回事项状态为 "
                    + recovery.status().label());
        }
        text(reason, "reason", "须说明无法收回的事实与依据");
        prepayments.regimeOf(prepayments.require(recovery.prepaymentId(), actor)).unrecoverableRule();
        if (date.isBefore(recovery.foundOn())) {
            throw new Rejection("prepayment.court-date", "date", "认定日期不能早于收回事项发起日期 " + recovery.foundOn());
        }
        store.unrecoverable(recoveryId, reason.strip(), date, actor.userId());
        return store.recovery(recoveryId).orElseThrow();
    }

    /** Art. 11 "向定点医疗机构所在地区法院依法申请强制执行": the application's date, court and case number. */
    @Override
    @Transactional
    public Recovery courtApplication(String recoveryId, LocalDate appliedOn, String court, String caseNo,
                                     Actor actor) {
        Recovery recovery = requireRecovery(recoveryId, actor);
        Access.requireRole(actor, Role.CLERK);
        Access.requirePayer(recovery, actor);
        dates.check(appliedOn, "date");
        if (recovery.status() != RecoveryStatus.UNRECOVERABLE && recovery.status() != RecoveryStatus.IN_COURT) {
            throw Rejection.conflict("prepayment.not-unrecoverable", "recoveryId", "须先认定无法收回（当前状态 "
                    + recovery.status().label() + "）");
        }
        text(court, "court", "须填写受理法院");
        text(caseNo, "caseNo", "须填写案号");
        if (appliedOn.isBefore(recovery.court().decidedOn())) {
            throw new Rejection("prepayment.court-date", "date", "申请日期不能早于认定无法收回的日期 "
                    + recovery.court().decidedOn());
        }
        store.courtApplication(recoveryId, appliedOn, court.strip(), caseNo.strip());
        return store.recovery(recoveryId).orElseThrow();
    }

    /**
     * Art. 11 "根据法院出具的法律文书，确认预付金损失金额": the court's document and the loss it confirms (at most what is
     * still owed; money the enforcement recovered is recorded as returns). Recording again corrects it.
     */
    @Override
    @Transactional
    public Recovery courtDocument(String recoveryId, String document, LocalDate date, Money loss, Actor actor) {
        Recovery recovery = requireRecovery(recoveryId, actor);
        Access.requireRole(actor, Role.CLERK);
        Access.requirePayer(recovery, actor);
        dates.check(date, "date");
        if (recovery.status() != RecoveryStatus.IN_COURT && recovery.status() != RecoveryStatus.LOSS_CONFIRMED) {
            throw Rejection.conflict("prepayment.not-in-court", "recoveryId", "须先登记向法院申请强制执行（当前状态 "
                    + recovery.status().label() + "）");
        }
        text(document, "courtDocument", "须记录法院出具的法律文书");
        if (date.isBefore(recovery.court().appliedOn())) {
            throw new Rejection("prepayment.court-date", "date", "文书日期不能早于申请强制执行日期 "
                    + recovery.court().appliedOn());
        }
        if (!loss.isPositive() || loss.compareTo(recovery.remaining()) > 0) {
            throw new Rejection("prepayment.loss-amount", "loss", "损失金额须大于 0 且不超过待收回 "
                    + recovery.remaining().toYuanText() + " 元");
        }
        store.courtDocument(recoveryId, document.strip(), date, loss);
        return store.recovery(recoveryId).orElseThrow();
    }

    private static void text(String value, String field, String message) {
        if (value == null || value.isBlank() || value.length() > TEXT_CHARS_MAX) {
            throw new Rejection("prepayment.field-missing", field, message + "（至多 400 字）");
        }
    }

    /** Whether settlement payments to a hospital are stopped (art. 11); settlement holds them ({@link #holdReason}). */
    @Override
    public boolean paymentsStopped(String hospitalCode, LocalDate date) {
        return store.stopOf(hospitalCode, date).isPresent();
    }

    /**
     * Art. 11 as seen by settlement: a hospital whose prepayment the agency decided on or before the date it cannot
     * recover is not paid; the stop ends when the amount is returned in full or written off. The reason names the
     * recovery, the decision, the court steps so far and the article of the pack that paid the prepayment.
     */
    @Override
    public Optional<String> holdReason(String agencyOrgCode, String hospitalCode, LocalDate date) {
        return store.stopOf(hospitalCode, date).map(r -> {
            Prepayment row = prepayments.require(r.prepaymentId(), Actor.system(agencyOrgCode));
            Resolved rule = prepayments.regimeOf(row).unrecoverableRule();
            CourtSteps court = r.court();
            return "依" + prepayments.documentName(rule.packId()) + rule.parameter().note() + "（" + rule.citation()
                    + "）：预付金 "
                    + r.remaining().toYuanText() + " 元无法收回（收回事项 " + r.id() + "，" + court.decidedOn()
                    + " 认定：" + court.reason()
                    + (court.appliedOn() == null ? "" : "；" + court.appliedOn() + " 向" + court.court()
                    + "申请强制执行，案号 " + court.caseNo())
                    + (court.document() == null ? "" : "；法院文书：" + court.document())
                    + "），停止拨付医保结算费用，待全额收回或核销后恢复拨付";
        });
    }

    /**
     * Art. 11 / art. 15: write the loss off after the local government's approval (a reviewer other than the clerk
     * who declared it records it): Dr 其他支出 / Cr 暂付款—医保预付金, and the 备查 memo lines.
     */
    @Override
    @Transactional
    public Recovery writeOff(String recoveryId, String approvalDocument, LocalDate date, Actor actor,
                             String requestId) {
        requireRecovery(recoveryId, actor);
        Access.requireRole(actor, Role.REVIEWER);
        Recovery recovery = store.lock(recoveryId).orElseThrow();
        Access.requirePayer(recovery, actor);
        BusinessDates.BusinessDate on = dates.check(date, "date");
        if (recovery.status() == RecoveryStatus.WRITTEN_OFF) {
            return recovery;
        }
        on.inBook(recovery.payerOrgCode()).notBefore(recovery.foundOn(), "收回事项发现日期");
        if (recovery.status() != RecoveryStatus.LOSS_CONFIRMED) {
            throw Rejection.conflict("prepayment.no-court-document", "recoveryId",
                    "须先登记法院出具的法律文书及确认的损失金额（第十一条）");
        }
        if (actor.userId().equals(recovery.preparedBy()) || actor.userId().equals(recovery.court().decidedBy())) {
            throw Rejection.forbidden("prepayment.maker-checker", "recoveryId", "核销审批人不能与经办人为同一人");
        }
        if (approvalDocument == null || approvalDocument.isBlank()) {
            throw new Rejection("prepayment.approval-document", "approvalDocument", "须记录人民政府批准核销的文件");
        }
        if (!recovery.court().loss().equals(recovery.remaining())) {
            throw Rejection.conflict("prepayment.loss-mismatch", "recoveryId", "法院文书确认损失 "
                    + recovery.court().loss().toYuanText() + " 元，待收回 " + recovery.remaining().toYuanText()
                    + " 元：须先登记执行收回的款项或更正法院文书");
        }
        Prepayment row = prepayments.require(recovery.prepaymentId(), actor);
        String article = prepayments.regimeOf(row).writeOffRule().parameter().article();
        prepayments.post("prepayment.written-off", requestId, row, recoveryId, MovementKind.WRITTEN_OFF,
                recovery.remaining(),
                date, "预付金核销（" + approvalDocument + "）", article);
        store.writtenOff(recoveryId, actor.userId(), approvalDocument, date);
        return store.recovery(recoveryId).orElseThrow();
    }

    @Override
    public List<Recovery> recoveries(String hospitalCode, Actor actor) {
        if (!registry.canSeeOrg(actor, hospitalCode)) {
            throw Rejection.forbidden("prepayment.out-of-scope", "hospitalCode", "无权查看该医疗机构");
        }
        return store.recoveries(hospitalCode);
    }

    /** Open recoveries the actor may see, for the deadline list. */
    @Override
    public List<Recovery> open(Actor actor) {
        return store.open().stream().filter(r -> registry.canSeeOrg(actor, r.hospitalCode())).toList();
    }

    /** Whether every prepayment of earlier years is settled: art. 3(五) and art. 6(五) "未清算不得受理". */
    @Override
    public boolean cleared(String hospitalCode) {
        return movements.fundsHeld(hospitalCode).isEmpty();
    }

    private Recovery requireRecovery(String id, Actor actor) {
        Recovery recovery = store.recovery(id).orElseThrow(() -> Rejection.notFound("prepayment.recovery-not-found",
                "recoveryId", "收回事项 " + id + " 不存在"));
        if (!registry.canSeeOrg(actor, recovery.hospitalCode())) {
            throw Rejection.notFound("prepayment.recovery-not-found", "recoveryId", "收回事项 " + id + " 不存在");
        }
        return recovery;
    }

    private Prepayment latest(String hospitalCode, String fund, Actor actor) {
        return prepayments.register(RegisterFilter.hospital(null, hospitalCode, fund), actor).stream()
                .filter(p -> p.status() == PrepaymentStatus.DISBURSED || p.status() == PrepaymentStatus.CLEARING)
                .findFirst().orElseThrow(() -> Rejection.conflict("prepayment.nothing-to-recover", "hospitalCode",
                        "该医疗机构无已拨付的预付金"));
    }
}
