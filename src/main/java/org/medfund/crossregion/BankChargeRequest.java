package org.medfund.crossregion;

import java.time.LocalDate;
import org.medfund.common.Money;

/**
 * A bank charge to register. {@code chargeToFund} is the request to pay it from the fund, which the packs of both
 * regimes refuse (crossregion.bank-fees-to-fund = false).
 */
public record BankChargeRequest(String accountId, BankChargeKind kind, Money amount, LocalDate chargedOn,
                                String voucherNo, String memo, boolean chargeToFund) {
}
