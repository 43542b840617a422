package org.medfund.crossregion.internal;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.medfund.common.Money;
import org.medfund.crossregion.AdvanceRecoveryKind;
import org.medfund.crossregion.MonthlyClearing.AdvanceReceivable;
import org.medfund.crossregion.MonthlyClearing.AdvanceRecovery;

/**
 * henan-2023 三(三) "由各统筹区基本医保基金先行垫付，并及时向定点医药机构进行追回": a hospital's positive plan of a later month
 * recovers its outstanding advances of the same insurance type, oldest first, each as far as the plan still covers
 * (decisions.md "Advance offset"). A pure rule: the page's planned offsets and the posted ones come from it alike.
 */
final class AdvanceOffsets {

    private AdvanceOffsets() {
    }

    /**
     * The offsets a positive plan of {@code period} takes from {@code open} (one hospital's open advances of one
     * insurance type, oldest first, all of earlier months): never more than an advance's outstanding amount, never
     * more in total than the plan. Unposted: no date, no request id.
     */
    static List<AdvanceRecovery> allocate(YearMonth period, Money plan, List<AdvanceReceivable> open) {
        if (!plan.isPositive()) {
            throw new IllegalStateException("only a positive plan recovers advances: " + plan);
        }
        List<AdvanceRecovery> offsets = new ArrayList<>();
        Money left = plan;
        YearMonth previous = null;
        for (AdvanceReceivable a : open) {
            if (!a.period().isBefore(period) || (previous != null && a.period().isBefore(previous))) {
                throw new IllegalStateException("advances must be of earlier months, oldest first: " + open);
            }
            previous = a.period();
            Money outstanding = a.advance().outstanding();
            if (!left.isPositive()) {
                break;
            }
            if (!outstanding.isPositive()) {
                continue;
            }
            Money amount = outstanding.min(left);
            offsets.add(new AdvanceRecovery(a.period(), AdvanceRecoveryKind.OFFSET, period, amount, null, null));
            left = left.minus(amount);
        }
        return offsets;
    }
}
