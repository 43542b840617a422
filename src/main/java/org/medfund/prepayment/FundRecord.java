package org.medfund.prepayment;

/** One recorded art. 7 fund status of a pooling region, fund and prepayment year; {@code id} 0 before it is stored. */
public record FundRecord(long id, String regionCode, String insuranceType, int year, FundFigures figures,
                         String evidence, Review review) {
}
