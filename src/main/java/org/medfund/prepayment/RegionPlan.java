package org.medfund.prepayment;

import java.time.LocalDate;
import org.medfund.common.Derivation;
import org.medfund.common.Money;

/**
 * One pooling region's in-province cross-region plan for one fund (henan-2023 二(二)). {@code difference} = sized −
 * previous: positive 补拨, negative 收回.
 */
public record RegionPlan(String id, int year, String provinceCode, String regionCode, String regionName,
                         String insuranceType, String packId, int packVersion, Money sized, Money previous,
                         Derivation derivation, String generatedBy, LocalDate generatedOn) {

    public Money difference() {
        return sized.minus(previous);
    }
}
