package org.medfund.prepayment;

import java.util.List;

/** A hospital and fund the Henan sizing run looked at: the row it created, or why it created none. */
public record SizingOutcome(String hospitalCode, String insuranceType, String prepaymentId, List<String> refusals) {

    public SizingOutcome {
        refusals = List.copyOf(refusals);
    }
}
