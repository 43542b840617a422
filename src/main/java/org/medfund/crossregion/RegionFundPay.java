package org.medfund.crossregion;

import org.medfund.common.Money;

/** A region's cross-region fund pay of last year, the weight of its share of a city quota. */
public record RegionFundPay(String regionCode, Money lastYearFundPay) {
}
