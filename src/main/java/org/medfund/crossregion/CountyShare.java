package org.medfund.crossregion;

import java.time.LocalDate;
import org.medfund.common.Derivation;
import org.medfund.common.Money;

/**
 * One county's part of a city quota (guizhou-2017 附件二 一(一)1-2, 二(一)1-2): what the county remits to the city
 * for the quarter, with the derivation of the split, and the transfer that carries it.
 *
 * @param id {@code <quota id>-<county code>}
 * @param pastFundPay the county's last-year cross-region fund pay the split was weighted by
 */
public record CountyShare(String id, String quotaId, QuotaKey quota, String countyRegionCode, String countyName,
                          Money pastFundPay, Money amount, Derivation derivation, CountyShareState state,
                          CountySteps steps) {

    /** When each step was done, and the ledger transfer of the remittance (null before it). */
    public record CountySteps(LocalDate splitOn, LocalDate remittedOn, LocalDate receivedOn, String transferId) {
    }
}
