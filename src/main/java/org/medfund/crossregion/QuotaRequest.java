package org.medfund.crossregion;

import java.time.LocalDate;
import org.medfund.common.Money;

/**
 * The province centre sizes a city's quota for a quarter and scope (guizhou-2017 三(三)); {@code pastYearsFundPay}
 * is the city's average yearly cross-region fund pay of past years (往年异地就医医保基金支付金额), from its books.
 */
public record QuotaRequest(String cityRegionCode, int year, int quarter, QuotaScope scope, Money pastYearsFundPay,
                           LocalDate date) {
}
