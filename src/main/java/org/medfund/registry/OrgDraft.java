package org.medfund.registry;

import jakarta.validation.constraints.NotNull;

/**
 * An organisation as submitted for creation or update (API, CLI). Validated by {@link RegistryAdmin}; every bad
 * field is a {@link org.medfund.common.Rejection} naming it. The profile fields apply to hospitals and pharmacies
 * only.
 *
 * @param code org code; hospitals use the national fixmedins_code format H + 6-digit region + 5 digits
 *             (pharmacies P + …); other organisations e.g. {@code 411500-AGENCY}
 */
public record OrgDraft(@NotNull String code, @NotNull String name, @NotNull OrgKind kind, @NotNull String regionCode,
                       Integer grade, Boolean designated,
                       Boolean cityManaged, String category, Boolean medicalCommunity, String medicalCommunityName) {

    private static final java.util.List<String> EVERY_KIND = java.util.List.of("code", "name", "kind", "regionCode");
    private static final java.util.List<String> PHARMACY = java.util.List.of("designated", "cityManaged", "category",
            "medicalCommunity", "medicalCommunityName");

    /**
     * The fields a replacement (PUT) of an organisation of this kind must name, each present even when it is to be
     * empty (JSON null): an omitted field would otherwise clear what is stored (issue 11 #6: a PUT without
     * {@code grade} cleared the grade that decides prepayment eligibility).
     */
    public static java.util.List<String> fieldsOfKind(OrgKind kind) {
        java.util.List<String> fields = new java.util.ArrayList<>(EVERY_KIND);
        if (kind == OrgKind.HOSPITAL) {
            fields.add("grade");
        }
        if (kind == OrgKind.HOSPITAL || kind == OrgKind.PHARMACY) {
            fields.addAll(PHARMACY);
        }
        return java.util.List.copyOf(fields);
    }
}
