package org.medfund.registry;

/**
 * Filter of an organisation list: every null field matches all.
 *
 * @param regionCode the region, with its sub-regions when {@code includeSubRegions}
 * @param grade hospital grade 1–3
 * @param limit at most this many rows ({@link RegistryAdmin#ORGS_LIMIT_MAX} caps it)
 */
public record OrgQuery(String regionCode, boolean includeSubRegions, OrgKind kind, Integer grade, int limit) {
}
