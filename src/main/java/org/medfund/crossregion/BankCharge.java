package org.medfund.crossregion;

import java.time.LocalDate;
import org.medfund.common.Money;

/**
 * A bank charge on an account that moves cross-region money, registered with its bank voucher outside the fund
 * books (guizhou-2017 五(三), henan-2023 四(三): never paid from the fund).
 *
 * @param citation the pack rule that keeps it out of the fund, e.g. "guizhou-2017 v1, guizhou-2017 五(三)"
 */
public record BankCharge(long id, String accountId, String accountName, String orgCode, String orgName,
                         BankChargeKind kind, Money amount, LocalDate chargedOn, String voucherNo, String memo,
                         String citation) {
}
