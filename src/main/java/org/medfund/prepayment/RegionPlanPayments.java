package org.medfund.prepayment;

import java.time.LocalDate;
import java.util.List;
import org.medfund.common.Derivation;
import org.medfund.common.Money;
import org.medfund.registry.Actor;

/**
 * The money behind Henan's in-province region plans (henan-2023 二(二), 三(三), 四(三)): an issued plan's netted
 * amount moves once, as a transfer between province finance's special account and the region agency's expenditure
 * account, in transit until the payee confirms it. A top-up is sent by province finance and received by the region's
 * agency; a recovery (the plan fell below last year's) is returned by the region's agency and received by province
 * finance. Paying again answers the first payment.
 */
public interface RegionPlanPayments {

    /** One plan's money: what the netting moves, its derivation, and where the transfer stands. */
    record PlanPayment(String planId, int year, String regionCode, String regionName, String insuranceType,
                       PlanMove move, Money amount, Derivation derivation, PlanPaymentState state,
                       String transferId, LocalDate sentOn, LocalDate receivedOn) {
    }

    /** Moves the plan's netted money (the payer acts: province finance for a top-up, the region for a recovery). */
    PlanPayment pay(String planId, LocalDate date, Actor actor);

    /** The payee confirms the money arrived. */
    PlanPayment confirmReceipt(String planId, LocalDate date, Actor actor);

    /** Every visible plan of a year with its money, moved or not. */
    List<PlanPayment> payments(int year, Actor actor);
}
