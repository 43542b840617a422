package org.medfund.prepayment.internal;

import java.util.List;
import org.medfund.common.Derivation;
import org.medfund.common.Money;

/**
 * Henan's yearly re-sizing netted against what the hospital still holds (henan-2023 二(二) "与上年预付金额进行清算轧差"):
 * the agency pays the difference when the new amount is larger, recovers the excess when it is smaller.
 *
 * @param toPay what the agency disburses now (≥ 0)
 * @param toRecover what the hospital gives back, by offset or return (≥ 0); at most one of the two is positive
 */
record Netting(Money sized, Money outstanding, Money toPay, Money toRecover, Derivation derivation) {

    static Netting of(Money sized, Money outstanding, String citation) {
        if (sized.isNegative() || outstanding.isNegative()) {
            throw new IllegalStateException("netting needs non-negative amounts: " + sized + ", " + outstanding);
        }
        Money difference = sized.minus(outstanding);
        Money toPay = difference.max(Money.ZERO);
        Money toRecover = difference.negate().max(Money.ZERO);
        Derivation derivation = new Derivation("本年核定额度 − 上年预付余额（正数补拨，负数收回）",
                List.of(Derivation.Input.money("本年核定额度", sized),
                        Derivation.Input.money("上年预付余额", outstanding)),
                citation, difference);
        return new Netting(sized, outstanding, toPay, toRecover, derivation);
    }
}
