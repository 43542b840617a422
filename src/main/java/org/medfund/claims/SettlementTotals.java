package org.medfund.claims;

import java.time.Year;
import java.time.YearMonth;
import java.util.List;
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

    /**
     * In-province cross-region (pay_loc 3) pooled-fund pay of one year, per insured region
     * ({@code insuplc_admdvs}), treatment region ({@code mdtrtarea_admvs}), insurance type and settlement month, for
     * insured regions of one province (same first two digits). Reversals are netted. For the province centre's
     * yearly region plans (henan-2023 二(二)); scans the year's in-province rows once.
     */
    List<CrossRegionMonth> inProvinceCrossRegion(String provinceCode, Year year);

    /** One group of {@link #inProvinceCrossRegion}. */
    record CrossRegionMonth(String insuredRegion, String treatmentRegion, String insuranceType, YearMonth month,
                            Money pooledFundPay) {
    }
}
