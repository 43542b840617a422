package org.medfund.crossregion;

import java.time.LocalDate;
import org.medfund.common.Derivation;
import org.medfund.common.Money;

/**
 * Interest the bank paid on an account holding cross-region money, with the fund it belongs to (guizhou-2017 五(三),
 * henan-2023 四(三)) and the ledger request that posted it (null for zero interest, which moves nothing).
 *
 * @param ownerRegionCode the region whose fund the interest belongs to
 * @param sourceRegionCode the region whose prepayment earned it, when known (it gets none of it)
 */
public record BankInterest(long id, String accountId, String accountName, String orgCode, String orgName,
                           String ownerRegionCode, String ownerName, String sourceRegionCode, Money amount,
                           LocalDate receivedOn, String voucherNo, Derivation derivation, String requestId) {
}
