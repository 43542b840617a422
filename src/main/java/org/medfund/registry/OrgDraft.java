package org.medfund.registry;

/**
 * An organisation as submitted for creation or update (API, CLI). Validated by {@link RegistryAdmin}; every bad
 * field is a {@link org.medfund.common.Rejection} naming it. The profile fields apply to hospitals and pharmacies
 * only.
 *
 * @param code org code; hospitals use the national fixmedins_code format H + 6-digit region + 5 digits
 *             (pharmacies P + …); other organisations e.g. {@code 411500-AGENCY}
 */
public record OrgDraft(String code, String name, OrgKind kind, String regionCode, Integer grade, Boolean designated,
                       Boolean cityManaged, String category, Boolean medicalCommunity, String medicalCommunityName) {
}
