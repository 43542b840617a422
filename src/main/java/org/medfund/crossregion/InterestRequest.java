package org.medfund.crossregion;

import java.time.LocalDate;
import org.medfund.common.Money;

/** Interest received on an account, from the bank's voucher; {@code sourceRegionCode} is optional. */
public record InterestRequest(String accountId, Money amount, LocalDate receivedOn, String voucherNo,
                              String sourceRegionCode) {
}
