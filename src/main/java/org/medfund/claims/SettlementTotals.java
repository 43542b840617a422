package org.medfund.claims;

import java.time.Year;
import java.time.YearMonth;
import java.util.Set;
import java.util.SortedMap;
import org.medfund.common.Money;

/**
 * Totals of stored settlements that other capabilities size and check amounts with (prepayment sizing, year-end
 * clearing). Reversed settlements (冲正) are netted out.
 */
public interface SettlementTotals {

    /**
     * Pooled-fund pay ({@code hifp_pay}) of one hospital and insurance type per settlement month of a year, for the
     * given places of settlement; months without any settlement are absent from the map.
     */
    SortedMap<YearMonth, Money> pooledFundPayByMonth(String hospitalCode, String insuranceType, Year year,
                                                     Set<PlaceOfSettlement> places);

    /** Same, for one month range [from, to] inclusive. */
    Money pooledFundPay(String hospitalCode, String insuranceType, YearMonth from, YearMonth to,
                        Set<PlaceOfSettlement> places);
}
