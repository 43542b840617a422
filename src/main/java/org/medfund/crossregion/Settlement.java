package org.medfund.crossregion;

import java.time.LocalDate;
import java.util.List;
import org.medfund.common.Derivation;
import org.medfund.common.Money;

/**
 * The answer to a discharge-desk request: who pays what, with each fee line's split and the derivation of every
 * amount (guizhou-2017 四(二)). A preview has no id and changes nothing.
 *
 * @param id null for a preview
 * @param filingId the filing the settlement relied on
 * @param detailCount fee detail lines matched so far (guizhou-2017 三(二): details arrive later)
 */
public record Settlement(String id, String hospitalCode, String hospitalSettlementId, String filingId, String cardNo,
                         String insuredRegionCode, String treatmentRegionCode, String insuranceType, LocalDate date,
                         SettlementState state, Payments payments, List<LineSplit> lines,
                         List<Derivation> derivations, LocalDate reversedOn, int detailCount) {

    public Settlement {
        lines = List.copyOf(lines);
        derivations = List.copyOf(derivations);
    }

    /** total = fund + account + cash, to the fen. */
    public record Payments(Money total, Money fundPay, Money accountPay, Money cashPay) {

        public Payments {
            if (!total.equals(fundPay.plus(accountPay).plus(cashPay))) {
                throw new IllegalStateException("payments do not add up: " + total + " ≠ " + fundPay + " + "
                        + accountPay + " + " + cashPay);
            }
        }
    }

    /**
     * One fee line's split by the catalogue: the exact (unrounded) 乙类 先行自付 and in-scope amounts, as yuan text.
     */
    public record LineSplit(int lineNo, FeeCategory category, CatalogueClass catalogueClass, Money amount,
                            String selfPayShare, Money notCovered, String selfPaidFirst, String inScope) {
    }
}
