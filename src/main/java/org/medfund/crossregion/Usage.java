package org.medfund.crossregion;

import java.math.BigDecimal;
import org.medfund.common.Derivation;
import org.medfund.common.Money;

/** Prepayment usage of a city's quarter (guizhou-2017 五(二)): cleared ÷ prepayment, with its warning. */
public record Usage(QuotaKey key, Money prepaid, Money cleared, BigDecimal rate, UsageWarning warning,
                    Derivation derivation) {
}
