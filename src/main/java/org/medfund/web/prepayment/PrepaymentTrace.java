package org.medfund.web.prepayment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.medfund.common.Money;
import org.medfund.ledger.LedgerReports;
import org.medfund.ledger.PostedEntry;
import org.medfund.prepayment.Prepayments;
import org.medfund.registry.Actor;
import org.medfund.registry.Registry;
import org.medfund.registry.Role;
import org.springframework.stereotype.Component;

/**
 * Issue 13 on the prepayment page: each movement and recovery one click from the vouchers it posted, and the balance
 * (暂付款—医保预付金 of the hospital and fund) explained by the movements that make it.
 */
@Component
class PrepaymentTrace {

    private final LedgerReports ledger;
    private final Registry registry;

    PrepaymentTrace(LedgerReports ledger, Registry registry) {
        this.ledger = ledger;
        this.registry = registry;
    }

    /**
     * The balance as the register derives it (DESIGN.md §5): disbursed − recovered (offset and returned) − written
     * off; {@code balance} is what the register holds, which the ledger invariant keeps equal to the sum.
     */
    record Balance(Money disbursed, Money recovered, Money writtenOff, Money balance) {

        public Money derived() {
            return disbursed.minus(recovered).minus(writtenOff);
        }
    }

    Balance balance(List<org.medfund.prepayment.Movement> movements, Money outstanding) {
        Money disbursed = Money.ZERO;
        Money recovered = Money.ZERO;
        Money writtenOff = Money.ZERO;
        for (org.medfund.prepayment.Movement m : movements) {
            switch (m.kind()) {
                case DISBURSED -> disbursed = disbursed.plus(m.amount());
                case WRITTEN_OFF -> writtenOff = writtenOff.plus(m.amount());
                default -> recovered = recovered.plus(m.amount());
            }
        }
        return new Balance(disbursed, recovered, writtenOff, outstanding);
    }

    /** The vouchers of each movement, by its request id (the id it was posted under). */
    Map<String, List<PostedEntry>> vouchers(List<org.medfund.prepayment.Movement> movements) {
        Map<String, List<PostedEntry>> byRequest = new LinkedHashMap<>();
        movements.forEach(m -> byRequest.put(m.requestId(), ledger.entriesOfRequest(m.requestId())));
        return byRequest;
    }

    /** Vouchers are the paying agency's book: staff who may see it open them; a hospital sees their numbers. */
    boolean bookVisible(Actor actor, String payerOrgCode) {
        return !actor.has(Role.HOSPITAL) && registry.canSeeOrg(actor, payerOrgCode);
    }
}
