package org.medfund.crossregion;

import java.math.BigDecimal;
import org.medfund.common.Money;

/**
 * One line of a discharge bill as the hospital sends it: the national major category, the treatment region's
 * catalogue class and the amount (guizhou-2017 三(二), 四(二)).
 *
 * @param selfPayShare the 乙类 先行自付 share (0–1) the treatment region's catalogue sets; 甲类 and 丙类 have none
 *     (absent means 0 for them, while a 乙类 line without it is refused)
 */
public record FeeLine(FeeCategory category, CatalogueClass catalogueClass, Money amount, BigDecimal selfPayShare) {

    public FeeLine {
        if (selfPayShare == null && catalogueClass != CatalogueClass.B) {
            selfPayShare = BigDecimal.ZERO;
        }
    }
}
