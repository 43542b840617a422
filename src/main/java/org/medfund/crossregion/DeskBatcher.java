package org.medfund.crossregion;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.medfund.common.AuditLog;
import org.medfund.common.RequestLog;
import org.medfund.registry.Actor;

/**
 * The discharge desk's settlements through one batch writer (group commit, guizhou-2017 三(二), 四(二)): concurrent
 * settle requests are booked together, each batch in one transaction (request-id claims, reads, calculation per
 * bill, then the year-to-date use, the settlements, the stored answers and the audit rows written in JDBC batches,
 * one commit), and each request still gets its own answer. A bill the batch cannot book safely on its own — an id
 * already recorded, a {@code setl_id} already settled, a bill the personal account pays, or any bill of a batch
 * whose transaction failed — comes back empty: the caller then settles it alone through
 * {@link CrossRegion#settle} and its idempotency layer, which answers replays, waits for concurrent claims and
 * refuses exactly the bad bill. A refusal is thrown as for {@link CrossRegion#settle} and leaves nothing behind.
 */
public interface DeskBatcher {

    /**
     * What the caller answers for a booked settlement, produced inside the batch's transaction: the JSON it stores
     * under the request id and returns, and the business ids (e.g. {@code id=…}) of the audit row.
     */
    record DeskAnswer(String json, List<String> businessIds) {
    }

    /**
     * One settle request.
     *
     * @param claim the request id (Idempotency-Key) with its scope and the request's fingerprint
     * @param action the audit action of the request's thread ({@link AuditLog#handOff}), null when none is bound
     * @param answer turns the booked settlement into the caller's answer
     */
    record DeskBill(SettlementRequest request, Actor actor, RequestLog.Claim claim, AuditLog.Action action,
                    Function<Settlement, DeskAnswer> answer) {
    }

    /**
     * Books the bill in the next batch and waits until that batch committed.
     *
     * @return the answer's JSON when the batch booked it; empty when the caller must settle it alone
     * @throws org.medfund.common.Rejection when the bill is refused (nothing was written for it)
     */
    Optional<String> settle(DeskBill bill);
}
