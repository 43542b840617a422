package org.medfund.crossregion;

import java.time.YearMonth;
import org.medfund.common.Money;

/**
 * The national clearing detail of one month summed for one city and direction (guizhou-2017 附件一 三(一)): the
 * figures the monthly cross-province clearing starts from.
 *
 * @param medicalFee Σ {@code medfee_sumamt}
 * @param fundPay Σ {@code optins_pay_sumamt}, the fund's share that is cleared
 */
public record NationalClearingTotal(YearMonth month, String cityRegionCode, String cityName,
                                    NationalDirection direction, int rows, Money medicalFee, Money fundPay) {
}
