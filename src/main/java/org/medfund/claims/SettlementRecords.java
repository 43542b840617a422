package org.medfund.claims;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.medfund.common.Money;

/**
 * What the settlement capability reads of stored settlements: the agency's side of a reconciliation (totals per
 * insurance type and clearing type, and the records down to the {@code setl_id}), and the month locks that send
 * later records of a month under reconciliation into the next month.
 */
public interface SettlementRecords {

    /**
     * Totals of one group of a hospital's month. Amounts are net of reversals; {@code count} counts settlements
     * and reversals alike (each is a record the hospital sent).
     */
    record GroupTotal(String insuranceType, String clearingType, long count, Money medfeeSum, Money pooledFundPay,
                      Money fundPaySum, Money accountPay, Money personCashPay) {
    }

    /** Amounts of one record, for detail reconciliation (3202). */
    record RecordAmounts(String setlId, String insuranceType, String clearingType, Money medfeeSum,
                         Money fundPaySum, Money accountPay) {
    }

    /** Totals per insurance type and clearing type of a hospital's period. */
    List<GroupTotal> totals(String hospitalCode, YearMonth period);

    /** The same for many hospitals at once (month-end over all hospitals of an agency). */
    Map<String, List<GroupTotal>> totals(Collection<String> hospitalCodes, YearMonth period);

    /** Every record of a hospital's period, by setl_id. */
    Map<String, RecordAmounts> records(String hospitalCode, YearMonth period);

    /**
     * Closes a hospital's month to new records (the hospital applied to reconcile it); records arriving later go
     * into the next open month. Returns false when it was already closed.
     */
    boolean closeMonth(String hospitalCode, YearMonth period, Instant at);

    boolean isMonthClosed(String hospitalCode, YearMonth period);
}
