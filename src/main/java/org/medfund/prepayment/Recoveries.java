package org.medfund.prepayment;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.medfund.calendar.BusinessCalendar;
import org.medfund.calendar.Due;
import org.medfund.common.Money;
import org.medfund.common.Rejection;
import org.medfund.ledger.BusinessDates;
import org.medfund.registry.Actor;
import org.medfund.registry.Registry;
import org.medfund.registry.Role;
import org.medfund.settlement.PaymentHolds;
import org.medfund.settlement.PaymentOffsets;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Getting prepayments back: Xinyang's all-or-nothing year-end clearing (seed 002 art. 6(五)), the nine recovery
 * triggers (art. 10), returns, offsets from monthly settlements (as a {@link PaymentOffsets}), and art. 11
 * unrecoverable amounts: payments stopped (as a {@link PaymentHolds}: settlement holds the hospital's lines), court
 * document recorded, write-off after approval into the memo book.
 */
@Service
public class Recoveries implements PaymentOffsets, PaymentHolds {

    /**
     * Something the hospital owes back.
     *
     * @param reason NETTING (Henan 轧差), CLEARING (Xinyang year-end) or TRIGGER (art. 10)
     * @param allOrNothing clearing: offset only if one settlement absorbs all, otherwise a full return
     * @param offsetFrom first date offsets may take from settlements; null = only a return settles it
     */
    public record Recovery(String id, String prepaymentId, String hospitalCode, String insuranceType,
                           String payerOrgCode, String reason, RecoveryTrigger trigger, String evidence, Money amount,
                           Money recovered, boolean allOrNothing, LocalDate foundOn, LocalDate returnDue,
                           LocalDate offsetFrom, String status, String courtDocument, String preparedBy,
                           String approvedBy) {

        public Money remaining() {
            return amount.minus(recovered);
        }

        public boolean overdue(LocalDate asOf) {
            return status.equals("OPEN") && asOf.isAfter(returnDue);
        }
    }

    private final Prepayments prepayments;
    private final Store store;
    private final BusinessCalendar calendar;
    private final Registry registry;
    private final JdbcClient jdbc;
    private final BusinessDates dates;

    Recoveries(Prepayments prepayments, Store store, BusinessCalendar calendar, Registry registry, JdbcClient jdbc,
               BusinessDates dates) {
        this.dates = dates;
        this.prepayments = prepayments;
        this.store = store;
        this.calendar = calendar;
        this.registry = registry;
        this.jdbc = jdbc;
    }

    /**
     * Year-end clearing (seed 002 art. 6(五)), by the end of January of the next year: the whole outstanding amount
     * is to be offset by the next settlement payment if it absorbs all of it; otherwise it is returned in full.
     */
    @Transactional
    public Recovery clear(String prepaymentId, LocalDate date, Actor actor) {
        Prepayments.Prepayment row = prepayments.require(prepaymentId, actor);
        Prepayments.requireRole(actor, Role.CLERK);
        Prepayments.requirePayer(row, actor);
        BusinessDates.BusinessDate on = dates.check(date, "date");
        if (row.status().equals("CLEARING") || row.status().equals("CLEARED")) {
            return store.recovery(prepaymentId + "-CLEARING").orElse(null);
        }
        on.notBefore(store.lastMovementOn(prepaymentId).orElse(null), "预付金最近一笔资金往来日期");
        if (!row.status().equals("DISBURSED")) {
            throw Rejection.conflict("prepayment.not-disbursed", "prepaymentId", "预付金尚未拨付，无需清算");
        }
        Money outstanding = store.outstanding(row.hospitalCode(), row.insuranceType());
        if (outstanding.isZero()) {
            store.cleared(prepaymentId, "NONE", date);
            return null;
        }
        Regime regime = prepayments.regime(row.regionCode(), date);
        Due due = calendar.due(regime.clearingDeadline(), YearMonth.of(row.year() + 1, 1));
        Recovery clearing = new Recovery(prepaymentId + "-CLEARING", prepaymentId, row.hospitalCode(),
                row.insuranceType(), row.payerOrgCode(), "CLEARING", null, "年终清算（seed 002 art. 6(五)）",
                outstanding, Money.ZERO, true, date, due.date(), date, "OPEN", null, actor.userId(), null);
        store.insertRecovery(clearing, due.basis());
        store.setStatus(prepaymentId, "CLEARING");
        return clearing;
    }

    /**
     * Art. 10: a trigger found; the whole outstanding amount of that fund is to be recovered. For (一)–(五) the
     * hospital has 10 working days to return it, offsets start the day after; for the others offsets start at once.
     */
    @Transactional
    public Recovery raise(String hospitalCode, String insuranceType, RecoveryTrigger trigger, String evidence,
                          LocalDate date, Actor actor) {
        prepayments.requireStaff(actor, hospitalCode);
        Prepayments.requireRole(actor, Role.CLERK);
        if (evidence == null || evidence.isBlank()) {
            throw new Rejection("prepayment.evidence-missing", "evidence", "须记录收回事由的依据");
        }
        Prepayments.Prepayment row = latest(hospitalCode, insuranceType, actor);
        Prepayments.requirePayer(row, actor);
        String id = row.id() + "-" + trigger.name() + "-" + date;
        if (store.recovery(id).isPresent()) {
            return store.recovery(id).get();
        }
        dates.check(date, "date")
                .notBefore(store.lastMovementOn(row.id()).orElse(null), "预付金最近一笔资金往来日期");
        Money outstanding = store.outstanding(hospitalCode, insuranceType);
        Money alreadyOwed = Money.ZERO;
        for (Recovery open : store.recoveries(hospitalCode)) {
            if (open.insuranceType().equals(insuranceType) && open.status().equals("OPEN")) {
                alreadyOwed = alreadyOwed.plus(open.remaining());
            }
        }
        Money amount = outstanding.minus(alreadyOwed);
        if (!amount.isPositive()) {
            throw Rejection.conflict("prepayment.nothing-to-recover", "hospitalCode", "该医疗机构无待收回的预付金");
        }
        int returnDays = trigger.returnWithinWorkingDays() == 0 ? 0
                : prepayments.regime(row.regionCode(), date).workingDays("prepayment.recovery-return-working-days");
        Due returnDue = calendar.dueAfterWorkingDays(date, returnDays);
        LocalDate offsetFrom = returnDays == 0 ? date : returnDue.date().plusDays(1);
        Recovery recovery = new Recovery(id, row.id(), hospitalCode, insuranceType, row.payerOrgCode(), "TRIGGER",
                trigger, evidence, amount, Money.ZERO, false, date, returnDue.date(), offsetFrom, "OPEN", null,
                actor.userId(), null);
        store.insertRecovery(recovery, returnDue.basis());
        return recovery;
    }

    /** Art. 8 / art. 16: a breach of use found by supervision raises recovery trigger (七) for both funds held. */
    @Transactional
    public List<Recovery> breachOfUse(String hospitalCode, String finding, LocalDate date, Actor actor) {
        List<Recovery> raised = new java.util.ArrayList<>();
        for (String fund : Prepayments.FUNDS) {
            if (store.outstanding(hospitalCode, fund).isPositive()) {
                raised.add(raise(hospitalCode, fund, RecoveryTrigger.MISUSE, "监督检查发现违规使用：" + finding, date,
                        actor));
            }
        }
        if (raised.isEmpty()) {
            throw Rejection.conflict("prepayment.nothing-to-recover", "hospitalCode", "该医疗机构无预付金余额");
        }
        return raised;
    }

    /** The hospital returned money to the expenditure account: Dr 支出户存款 / Cr 暂付款—医保预付金. */
    @Transactional
    public Recovery recordReturn(String recoveryId, Money amount, LocalDate date, Actor actor, String requestId) {
        requireRecovery(recoveryId, actor);
        Prepayments.requireRole(actor, Role.CLERK);
        // Locked, then read: two returns at once must not both fit into what remained before either.
        Recovery recovery = store.lockRecovery(recoveryId).orElseThrow();
        requirePayer(recovery, actor);
        BusinessDates.BusinessDate on = dates.check(date, "date");
        if (store.movementExists(requestId)) {
            return store.recovery(recoveryId).orElseThrow();
        }
        on.inBook(recovery.payerOrgCode()).notBefore(recovery.foundOn(), "收回事项发现日期");
        if (amount == null) {
            throw new Rejection("prepayment.return-amount", "amount", "须填写退回金额");
        }
        if (!recovery.status().equals("OPEN") && !recovery.status().equals("UNRECOVERABLE")) {
            throw Rejection.conflict("prepayment.recovery-closed", "recoveryId", "该收回事项已办结");
        }
        if (!amount.isPositive() || amount.compareTo(recovery.remaining()) > 0) {
            throw new Rejection("prepayment.return-amount", "amount", "退回金额须大于 0 且不超过待收回 "
                    + recovery.remaining().toYuanText() + " 元");
        }
        if (recovery.allOrNothing() && !amount.equals(recovery.remaining())) {
            throw new Rejection("prepayment.return-in-full", "amount", "年终清算须全额交回 "
                    + recovery.remaining().toYuanText() + " 元，不得部分交回（seed 002 art. 6(五)）");
        }
        Prepayments.Prepayment row = prepayments.require(recovery.prepaymentId(), actor);
        prepayments.post("prepayment.recovered.return", requestId, row, recoveryId, "RECOVERED_RETURN", amount, date,
                "预付金交回", "seed 002 art. 15");
        afterRecovered(recovery, amount, date, "RETURN");
        return store.recovery(recoveryId).orElseThrow();
    }

    /**
     * Settlement calls this before paying a hospital (seed 002 art. 10, 6(五)): open recoveries due for offset take
     * from the amount due, oldest first; a clearing is offset only whole, and when this settlement cannot absorb it
     * the hospital must return it instead. Repeating a request answers the first result.
     */
    @Override
    @Transactional
    public Money offset(OffsetRequest request) {
        String prefix = request.requestId() + ":prepayment:";
        if (store.movementsForRequestPrefix(prefix) > 0) {
            return store.movedForRequestPrefix(prefix);
        }
        Money left = request.due();
        Actor system = Actor.system(request.agencyOrgCode());
        for (Recovery recovery : store.offsettable(request.agencyOrgCode(), request.hospitalCode(),
                request.insuranceType(), request.date())) {
            if (recovery.allOrNothing()
                    && Clearing.decide(recovery.remaining(), left.max(Money.ZERO)) == Clearing.Method.RETURN) {
                store.noOffset(recovery.id());
                continue;
            }
            Money take = recovery.remaining().min(left);
            if (!take.isPositive()) {
                continue;
            }
            Prepayments.Prepayment row = prepayments.require(recovery.prepaymentId(), system);
            prepayments.post("prepayment.recovered.offset", prefix + recovery.id(), row, recovery.id(),
                    "RECOVERED_OFFSET", take, request.date(), request.period() + " 结算冲抵预付金", "seed 002 art. 15");
            afterRecovered(recovery, take, request.date(), "OFFSET");
            left = left.minus(take);
        }
        return request.due().minus(left);
    }

    private void afterRecovered(Recovery recovery, Money amount, LocalDate date, String method) {
        store.recovered(recovery.id(), amount, date);
        if (recovery.reason().equals("CLEARING") && amount.equals(recovery.remaining())) {
            store.cleared(recovery.prepaymentId(), method, date);
        }
        if (amount.equals(recovery.remaining())) {
            jdbc.sql("delete from prepayment_stop where recovery_id = :id").param("id", recovery.id()).update();
        }
    }

    /** Art. 11: cannot be recovered; payments to the hospital stop and the court document is recorded. */
    @Transactional
    public Recovery unrecoverable(String recoveryId, String courtDocument, LocalDate date, Actor actor) {
        Recovery recovery = requireRecovery(recoveryId, actor);
        Prepayments.requireRole(actor, Role.CLERK);
        requirePayer(recovery, actor);
        dates.check(date, "date").notBefore(recovery.foundOn(), "收回事项发现日期");
        if (!recovery.status().equals("OPEN")) {
            throw Rejection.conflict("prepayment.recovery-closed", "recoveryId", "该收回事项状态为 " + recovery.status());
        }
        if (courtDocument == null || courtDocument.isBlank()) {
            throw new Rejection("prepayment.court-document", "courtDocument", "须记录法院出具的法律文书");
        }
        store.unrecoverable(recoveryId, courtDocument);
        jdbc.sql("delete from prepayment_stop where hospital_code = :h").param("h", recovery.hospitalCode()).update();
        jdbc.sql("insert into prepayment_stop (hospital_code, recovery_id, stopped_on) values (:h, :r, :d)")
                .param("h", recovery.hospitalCode()).param("r", recoveryId).param("d", date).update();
        return store.recovery(recoveryId).orElseThrow();
    }

    /** Whether settlement payments to a hospital are stopped (art. 11); settlement holds them ({@link #holdReason}). */
    public boolean paymentsStopped(String hospitalCode) {
        return jdbc.sql("select count(*) from prepayment_stop where hospital_code = :h").param("h", hospitalCode)
                .query(Long.class).single() > 0;
    }

    /**
     * Art. 11 as seen by settlement: a hospital whose prepayment was declared unrecoverable on or before the date is
     * not paid; the stop ends when the amount is returned in full or written off. The reason names the recovery, the
     * court document and the article.
     */
    @Override
    public Optional<String> holdReason(String agencyOrgCode, String hospitalCode, LocalDate date) {
        return jdbc.sql("""
                select s.recovery_id, s.stopped_on, r.court_document, r.amount_fen - r.recovered_fen as owed_fen
                from prepayment_stop s join prepayment_recovery r on r.id = s.recovery_id
                where s.hospital_code = :h and s.stopped_on <= :d""")
                .param("h", hospitalCode).param("d", date)
                .query((rs, n) -> "依《信阳市基本医疗保险基金预付管理办法》第十一条（seed 002 art. 11）停止拨付医保结算费用："
                        + "预付金 " + Money.ofFen(rs.getLong("owed_fen")).toYuanText() + " 元无法收回（收回事项 "
                        + rs.getString("recovery_id") + "，法院文书：" + rs.getString("court_document") + "，"
                        + rs.getObject("stopped_on", LocalDate.class) + " 起），待全额收回或核销后恢复拨付")
                .optional();
    }

    /**
     * Art. 11 / art. 15: write the loss off after the local government's approval (a reviewer other than the clerk
     * who declared it records it): Dr 其他支出 / Cr 暂付款—医保预付金, and the 备查 memo lines.
     */
    @Transactional
    public Recovery writeOff(String recoveryId, String approvalDocument, LocalDate date, Actor actor,
                             String requestId) {
        requireRecovery(recoveryId, actor);
        Prepayments.requireRole(actor, Role.REVIEWER);
        Recovery recovery = store.lockRecovery(recoveryId).orElseThrow();
        requirePayer(recovery, actor);
        BusinessDates.BusinessDate on = dates.check(date, "date");
        if (recovery.status().equals("WRITTEN_OFF")) {
            return recovery;
        }
        on.inBook(recovery.payerOrgCode()).notBefore(recovery.foundOn(), "收回事项发现日期");
        if (!recovery.status().equals("UNRECOVERABLE")) {
            throw Rejection.conflict("prepayment.not-unrecoverable", "recoveryId", "须先凭法院文书确认无法收回");
        }
        if (actor.userId().equals(recovery.preparedBy())) {
            throw Rejection.forbidden("prepayment.maker-checker", "recoveryId", "核销审批人不能与经办人为同一人");
        }
        if (approvalDocument == null || approvalDocument.isBlank()) {
            throw new Rejection("prepayment.approval-document", "approvalDocument", "须记录人民政府批准核销的文件");
        }
        Prepayments.Prepayment row = prepayments.require(recovery.prepaymentId(), actor);
        prepayments.post("prepayment.written-off", requestId, row, recoveryId, "WRITTEN_OFF", recovery.remaining(),
                date, "预付金核销（" + approvalDocument + "）", "seed 002 art. 11, 15");
        store.writtenOff(recoveryId, actor.userId(), approvalDocument, date);
        jdbc.sql("delete from prepayment_stop where recovery_id = :id").param("id", recoveryId).update();
        return store.recovery(recoveryId).orElseThrow();
    }

    public List<Recovery> recoveries(String hospitalCode, Actor actor) {
        if (!registry.canSeeOrg(actor, hospitalCode)) {
            throw Rejection.forbidden("prepayment.out-of-scope", "hospitalCode", "无权查看该医疗机构");
        }
        return store.recoveries(hospitalCode);
    }

    /** Open recoveries the actor may see, for the deadline list. */
    public List<Recovery> open(Actor actor) {
        return store.openRecoveries().stream().filter(r -> registry.canSeeOrg(actor, r.hospitalCode())).toList();
    }

    /** Whether every prepayment of earlier years is settled: art. 3(五) and art. 6(五) "未清算不得受理". */
    public boolean cleared(String hospitalCode) {
        for (String fund : Prepayments.FUNDS) {
            if (store.outstanding(hospitalCode, fund).isPositive()) {
                return false;
            }
        }
        return true;
    }

    /** Recoveries belong to the prepayment's paying agency (see {@link Prepayments#requirePayer}). */
    private static void requirePayer(Recovery recovery, Actor actor) {
        if (!actor.orgCode().equals(recovery.payerOrgCode())) {
            throw Rejection.forbidden("prepayment.not-payer", "recoveryId", "收回事项 " + recovery.id() + " 属于 "
                    + recovery.payerOrgCode() + " 拨付的预付金，只能由该经办机构办理");
        }
    }

    private Recovery requireRecovery(String id, Actor actor) {
        Recovery recovery = store.recovery(id).orElseThrow(() -> Rejection.notFound("prepayment.recovery-not-found",
                "recoveryId", "收回事项 " + id + " 不存在"));
        if (!registry.canSeeOrg(actor, recovery.hospitalCode())) {
            throw Rejection.notFound("prepayment.recovery-not-found", "recoveryId", "收回事项 " + id + " 不存在");
        }
        return recovery;
    }

    private Prepayments.Prepayment latest(String hospitalCode, String fund, Actor actor) {
        return prepayments.register(new Prepayments.Filter(null, hospitalCode, fund, null, null), actor).stream()
                .filter(p -> p.status().equals("DISBURSED") || p.status().equals("CLEARING"))
                .findFirst().orElseThrow(() -> Rejection.conflict("prepayment.nothing-to-recover", "hospitalCode",
                        "该医疗机构无已拨付的预付金"));
    }
}
