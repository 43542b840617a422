package org.medfund.registry;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reference data every capability needs: pooling regions with their hierarchy, organisations (agencies, finance
 * departments, settlement centres, hospitals, …), bank and fiscal accounts, insurance types. Lookups of unknown
 * codes answer empty; {@code require*} methods throw a {@link org.medfund.common.Rejection} naming the field.
 */
public interface Registry {

    Optional<Region> region(String regionCode);

    Region requireRegion(String regionCode, String field);

    /** The region itself first, then its parent, up to the province. */
    List<Region> lineage(String regionCode);

    /** Direct and indirect sub-regions, not including the region itself. */
    List<Region> descendants(String regionCode);

    Optional<Org> org(String orgCode);

    Org requireOrg(String orgCode, String field);

    /** Organisations of a kind in a region (not its sub-regions). */
    List<Org> orgs(String regionCode, OrgKind kind);

    /** The medical insurance agency (经办机构) that serves a region. */
    Optional<Org> agencyOf(String regionCode);

    /**
     * The finance department (财政) of a region. A province's own pooling region has none of its own: its fund sits in
     * the province finance department's special account, so that department answers for it.
     */
    Optional<Org> financeOf(String regionCode);

    /**
     * Whether the region is a province's own pooling region (省本级统筹区, marked so in the registry data): a pool of
     * the province-level insured that sits beside the cities (guizhou-2017 附件二 "各市、州（含省本级）").
     */
    boolean isProvinceLevel(String regionCode);

    /** Designated hospitals and pharmacies registered in a region (not its sub-regions). */
    List<Org> hospitals(String regionCode);

    List<Account> accounts(String orgCode);

    /**
     * The accounts of many organisations in one query, by organisation code (an organisation without accounts is
     * absent). At most {@link #ACCOUNT_ORGS_MAX} codes per call.
     */
    Map<String, List<Account>> accounts(Collection<String> orgCodes);

    /** Organisation codes one {@link #accounts(Collection)} call takes (an SQL IN list stays small). */
    int ACCOUNT_ORGS_MAX = 1000;

    List<InsuranceType> insuranceTypes();

    Optional<InsuranceType> insuranceType(String code);

    /** Whether an actor may see data that belongs to the region (hospital: never by region; see canSeeOrg). */
    boolean canSeeRegion(Actor actor, String regionCode);

    /** Whether an actor may see data that belongs to the organisation (a hospital sees only itself). */
    boolean canSeeOrg(Actor actor, String orgCode);
}
