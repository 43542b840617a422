package org.medfund.crossregion;

import java.time.LocalDate;

/** What the insured region's agency enters to file a person (guizhou-2017 三(一)); see {@link Filing}. */
public record FilingDraft(String cardNo, String personName, String insuredRegionCode, String insuranceType,
                          FilingType type, String targetRegionCode, LocalDate validFrom, LocalDate validTo) {
}
