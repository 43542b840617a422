package org.medfund.crossregion;

import java.time.LocalDate;

/**
 * One filing (备案, guizhou-2017 三(一)): an insured person, identified by the social-security card number (六(二)), may
 * settle directly in the target province or city between the two dates.
 *
 * @param id assigned by the insured region's agency, e.g. {@code 520100-000001}; kept on export and import
 * @param targetRegionCode the province or city where the person is treated
 * @param validTo last valid day, inclusive; null when open-ended (长期有效)
 * @param filedByOrgCode the insured region's agency that filed it
 */
public record Filing(String id, String cardNo, String personName, String insuredRegionCode, String insuranceType,
                     FilingType type, String targetRegionCode, LocalDate validFrom, LocalDate validTo,
                     String filedByOrgCode, FilingSource source) {

    /** Valid on the day: from and to are both inclusive. */
    public boolean validOn(LocalDate date) {
        return !date.isBefore(validFrom) && (validTo == null || !date.isAfter(validTo));
    }
}
