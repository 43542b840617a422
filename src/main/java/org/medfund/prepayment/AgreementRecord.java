package org.medfund.prepayment;

/** One recorded version of an agreement, with the evidence and its maker-checker state. */
public record AgreementRecord(long id, Agreement agreement, String evidence, Review review) {
}
