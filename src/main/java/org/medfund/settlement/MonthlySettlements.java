package org.medfund.settlement;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.medfund.registry.Actor;

/**
 * Monthly settlement and payment (henan-2023 三(一), 四(二); hainan-2020 art. 16): the agency's clerk prepares a batch of
 * what it owes each hospital per insurance type for the confirmed reconciliations of a cycle; a finance user
 * approves it, which runs every {@link PaymentOffsets} bean and posts {@code settlement.paid} for the net. When the
 * agency declares it cannot pay on time, a {@link BatchKind#FALLBACK} batch pre-pays the last cycle's actual amount,
 * deducted at the next real settlement of that cycle. A hospital whose payments a {@link PaymentHolds} bean stops
 * (xinyang-2025 art. 11) is held, not paid, until {@link #release} finds the stop lifted. Commands are idempotent on
 * their request id; bad input is a {@link org.medfund.common.Rejection}.
 */
public interface MonthlySettlements {

    /** Payment batches a list shows at most (newest first); older ones stay reachable by id. */
    int BATCHES_MAX = 200;

    /** The clerk prepares the regular batch of a cycle from its confirmed reconciliations. */
    PaymentBatch prepare(Actor actor, YearMonth cycle, LocalDate on, String requestId);

    /**
     * The agency cannot pay a cycle on time (henan-2023 三(一) "因系统等特殊原因…无法按规定时间拨付"): it prepares
     * a fallback batch that pre-pays every hospital the last cycle's actual settled amount per insurance type.
     */
    PaymentBatch declareFallback(Actor actor, YearMonth cycle, LocalDate on, String reason, String requestId);

    /**
     * A finance user approves a prepared batch and it is paid: offsets first (regular batches), then
     * {@code settlement.paid} (Dr 社会保险待遇支出 / Cr 支出户存款) for each positive net amount.
     */
    PaymentBatch approve(Actor actor, long batchId, LocalDate on, String requestId);

    /**
     * A finance user pays the held lines of a paid batch whose hospitals are no longer stopped (xinyang-2025 art. 11:
     * the stop ends when the prepayment is recovered or written off); lines still stopped stay held with the reason
     * of today. Refused when nothing can be released, naming the reason.
     */
    PaymentBatch release(Actor actor, long batchId, LocalDate on, String requestId);

    /** One batch as the actor may see it: whole on the agency side, a hospital only its own lines. */
    PaymentBatch batch(Actor actor, long id);

    /**
     * Batches the actor may see, newest first and at most {@link #BATCHES_MAX}: an agency its own, a finance
     * department those of its region's agency (which it approves and releases), a hospital those that pay it (only
     * its own lines).
     */
    List<PaymentBatch> batches(Actor actor);

    /**
     * Batches of every agency whose region the actor may see (a city clerk: its own and its counties'), newest cycle
     * first and at most {@link #BATCHES_MAX}; a hospital or a finance department as {@link #batches(Actor)}.
     */
    List<PaymentBatch> batchesInScope(Actor actor);

    /**
     * What the batches of one cycle pay one hospital, each batch with that hospital's lines only (a hospital's
     * statement); refused outside the actor's scope.
     */
    List<PaymentBatch> batchesOfHospital(Actor actor, String hospitalCode, YearMonth cycle);

    /** The payment deadline of an agency's cycle from its policy pack (null: the pack sets none). */
    LocalDate paymentDue(String agencyCode, YearMonth cycle);

    /**
     * The batch a ledger entry cites by its document number ({@link PaymentBatch#documentNo()}), as the actor may
     * see it: the way back from a voucher to its business document (issue 13).
     */
    Optional<PaymentBatch> batchOfDocument(Actor actor, String documentNo);
}
