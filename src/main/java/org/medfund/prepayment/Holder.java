package org.medfund.prepayment;

/** Who holds a prepayment of which fund, and which agency paid it (and alone acts on its money, issue 11 #6). */
public record Holder(String hospitalCode, String insuranceType, String payerOrgCode) {
}
