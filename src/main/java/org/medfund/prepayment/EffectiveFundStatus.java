package org.medfund.prepayment;

/** What the art. 7 gate uses for a fund and year, where it came from, and the confirmed record behind it. */
public record EffectiveFundStatus(FundStatus status, FundDataSource source, FundRecord record) {
}
