package org.medfund.settlement.internal;

import org.medfund.common.Money;

/**
 * What a hospital is paid for one insurance type in a regular settlement after a fallback advance (henan-2023 三(一)
 * "按照上一结算周期实际结算金额进行预拨"): the advance and any excess carried from an earlier true-up are deducted
 * from the settled amount; what remains is due (before offsets), and an excess that the settled amount cannot
 * absorb is carried to the next cycle rather than paid back in cash.
 *
 * @param due gross − advance − carriedIn, never negative
 * @param carriedOut the part of advance + carriedIn that this cycle could not absorb
 */
record TrueUp(Money gross, Money advance, Money carriedIn, Money due, Money carriedOut) {

    static TrueUp of(Money gross, Money advance, Money carriedIn) {
        // A negative gross (reversals of earlier months outweigh the new month) is carried like an excess.
        if (advance.isNegative() || carriedIn.isNegative()) {
            throw new IllegalStateException("negative advance or carry in true-up: " + advance + ", " + carriedIn);
        }
        Money rest = gross.minus(advance).minus(carriedIn);
        return rest.isNegative() ? new TrueUp(gross, advance, carriedIn, Money.ZERO, rest.negate())
                : new TrueUp(gross, advance, carriedIn, rest, Money.ZERO);
    }
}
