package org.medfund.prepayment;

import java.time.LocalDate;
import java.util.List;
import org.medfund.common.Money;
import org.medfund.registry.Actor;
import org.medfund.settlement.PaymentHolds;
import org.medfund.settlement.PaymentOffsets;

/**
 * Getting prepayments back: Xinyang's all-or-nothing year-end clearing (xinyang-2025 art. 6(五)), the nine recovery
 * triggers (art. 10), a hospital leaving the prepayment scope, returns, offsets from monthly settlements, and art. 11
 * in its order: the decision that stops payments, the court application, the court's document, the write-off.
 * Settlement takes part through the SPIs it owns: offsets before it pays ({@link PaymentOffsets}) and the art. 11
 * stop ({@link PaymentHolds}).
 */
public interface Recoveries extends PaymentOffsets, PaymentHolds {

    /** Reasons, court names, case numbers and documents longer than this are refused. */
    int TEXT_CHARS_MAX = 400;

    /** Year-end clearing (xinyang-2025 art. 6(五)), by the end of January of the next year; null if nothing is held. */
    Recovery clear(String prepaymentId, LocalDate date, Actor actor);

    /** Art. 10: a trigger found; the whole outstanding amount of that fund is to be recovered. */
    Recovery raise(String hospitalCode, String insuranceType, RecoveryTrigger trigger, String evidence,
                   LocalDate date, Actor actor);

    /** The hospital left the prepayment scope: every fund it holds is recovered under its pack's rule. */
    List<Recovery> leaveScope(String hospitalCode, String evidence, LocalDate date, Actor actor);

    /** Art. 8 / art. 16: a breach of use found by supervision raises trigger (七) for every fund held. */
    List<Recovery> breachOfUse(String hospitalCode, String finding, LocalDate date, Actor actor);

    /** The hospital returned money to the expenditure account: Dr 支出户存款 / Cr 暂付款—医保预付金. */
    Recovery recordReturn(String recoveryId, Money amount, LocalDate date, Actor actor, String requestId);

    /** Art. 11: the agency decides the prepayment cannot be recovered; from that date payments stop. */
    Recovery unrecoverable(String recoveryId, String reason, LocalDate date, Actor actor);

    /** Art. 11 "向…法院依法申请强制执行": the application's date, court and case number. */
    Recovery courtApplication(String recoveryId, LocalDate appliedOn, String court, String caseNo, Actor actor);

    /** Art. 11 "根据法院出具的法律文书，确认预付金损失金额". Recording again corrects it. */
    Recovery courtDocument(String recoveryId, String document, LocalDate date, Money loss, Actor actor);

    /** Whether settlement payments to a hospital are stopped on a date (art. 11). */
    boolean paymentsStopped(String hospitalCode, LocalDate date);

    /** Art. 11 / art. 15: write the loss off after the government's approval, into the memo book. */
    Recovery writeOff(String recoveryId, String approvalDocument, LocalDate date, Actor actor, String requestId);

    List<Recovery> recoveries(String hospitalCode, Actor actor);

    /** Open recoveries the actor may see, for the deadline list. */
    List<Recovery> open(Actor actor);

    /** Whether every prepayment of earlier years is settled: art. 3(五) and art. 6(五) "未清算不得受理". */
    boolean cleared(String hospitalCode);
}
