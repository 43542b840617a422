package org.medfund.claims;

import org.medfund.registry.Org;
import org.medfund.registry.Region;
import org.medfund.registry.RegionLevel;
import org.medfund.registry.Registry;

/**
 * Which agency settles a hospital (handan-2020 art. 11 "两级结算、分别记账"): hospitals managed by the city are settled
 * by the city agency, the others by the agency of their own (county) region. The region code is what hospitals send
 * as {@code clr_optins}.
 */
public final class SettlingAgency {

    private SettlingAgency() {
    }

    /** The region whose agency settles the hospital. */
    public static String regionCode(Registry registry, Org hospital) {
        Region region = registry.requireRegion(hospital.regionCode(), "fixmedins_code");
        if (hospital.cityManaged() && region.level() == RegionLevel.COUNTY && region.parentCode() != null) {
            return region.parentCode();
        }
        return region.code();
    }
}
