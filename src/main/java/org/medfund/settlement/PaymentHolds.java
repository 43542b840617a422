package org.medfund.settlement;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Implemented by capabilities that may stop a hospital's settlement payments, e.g. prepayment's art. 11 stop (seed
 * 002 第十一条 "医保经办机构应停止向定点医疗机构拨付医保结算费用"). Settlement sits below those capabilities, so it asks
 * every such bean before it pays a line: a line with a reason is held — nothing offset, nothing posted, left out of the
 * bank file — and stays held until {@link MonthlySettlements#release} finds that no bean gives a reason any more.
 */
public interface PaymentHolds {

    /**
     * Why payments to the hospital must not be made on the date, in Simplified Chinese and citing the article; empty
     * when it may be paid.
     */
    Optional<String> holdReason(String agencyOrgCode, String hospitalCode, LocalDate date);
}
