package org.medfund.claims;

import org.medfund.common.Money;

/**
 * One line of the per-fund breakdown ({@code setldetail}) of a settlement.
 *
 * @param fundPayType national fund code ({@code fund_pay_type}), e.g. 310100 职工统筹基金, 390100 居民统筹基金
 * @param amount {@code fund_payamt}
 */
public record FundPay(String fundPayType, Money amount) {
}
