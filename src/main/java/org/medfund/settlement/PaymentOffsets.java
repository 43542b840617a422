package org.medfund.settlement;

import java.time.LocalDate;
import java.time.YearMonth;
import org.medfund.common.Money;

/**
 * Implemented by capabilities that recover money from a hospital's monthly payment, e.g. prepayment offsets
 * (xinyang-2025 art. 10, 15: Dr 社会保险待遇支出 / Cr 暂付款—医保预付金). The settlement capability calls every such bean
 * inside the payment transaction, before paying; each returns how much it offset (0 ≤ offset ≤ due) and posts its
 * own ledger entries for it. The hospital is paid the rest.
 */
public interface PaymentOffsets {

    Money offset(OffsetRequest request);

    /**
     * @param agencyOrgCode the agency paying (whose book the entries go to)
     * @param period the settled month
     * @param due what the agency still owes for this hospital, fund and month before this offset
     * @param requestId idempotency key of the payment; derive per-offset ids from it
     */
    record OffsetRequest(String agencyOrgCode, String hospitalCode, String insuranceType, YearMonth period,
                         Money due, LocalDate date, String requestId) {
    }
}
