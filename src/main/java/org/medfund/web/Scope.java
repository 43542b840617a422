package org.medfund.web;

import java.util.List;
import java.util.stream.Stream;
import org.medfund.registry.Org;
import org.medfund.registry.Region;
import org.medfund.registry.Registry;

/**
 * What a user's organisation may see, as shown to the user: a hospital sees itself only; an agency or finance
 * department the regions that {@link Registry#canSeeRegion} grants it among its own region and sub-regions.
 *
 * @param orgOnly true when the scope is the organisation itself (hospitals, pharmacies)
 * @param regionCodes the visible regions, the organisation's own region first
 */
public record Scope(String orgCode, String orgName, String regionCode, String regionName, boolean orgOnly,
                    List<String> regionCodes) {

    public Scope {
        regionCodes = List.copyOf(regionCodes);
    }

    public static Scope of(MedfundUser user, Registry registry) {
        String orgCode = user.actor().orgCode();
        Org org = registry == null ? null : registry.org(orgCode).orElse(null);
        if (org == null) {
            return new Scope(orgCode, null, null, null, true, List.of());
        }
        String regionName = registry.region(org.regionCode()).map(Region::name).orElse(null);
        if (org.isHospital()) {
            return new Scope(orgCode, org.name(), org.regionCode(), regionName, true, List.of());
        }
        List<String> visible = Stream.concat(Stream.of(org.regionCode()),
                        registry.descendants(org.regionCode()).stream().map(Region::code))
                .filter(code -> registry.canSeeRegion(user.actor(), code))
                .toList();
        return new Scope(orgCode, org.name(), org.regionCode(), regionName, false, visible);
    }

    /** One line of Chinese for the page header and the home page. */
    public String describe() {
        if (orgOnly) {
            return "仅本机构";
        }
        if (regionCodes.isEmpty()) {
            return "无可见统筹区";
        }
        return (regionName == null ? regionCode : regionName)
                + (regionCodes.size() > 1 ? " 及下辖 " + (regionCodes.size() - 1) + " 个统筹区" : "");
    }
}
