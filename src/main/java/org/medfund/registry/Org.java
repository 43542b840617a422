package org.medfund.registry;

/**
 * An organisation. Hospitals carry their grade and designation; others leave those null.
 *
 * @param code for hospitals the national designated-institution code ({@code fixmedins_code})
 * @param regionCode the region the organisation belongs to
 * @param grade hospital grade 1, 2 or 3 (一/二/三级), null when not graded or not a hospital
 * @param designated whether a hospital or pharmacy is currently designated (定点)
 * @param cityManaged true for hospitals settled by the city agency rather than their county's (handan-2020 art. 11)
 * @param demo true for fictional demo organisations
 */
public record Org(String code, String name, OrgKind kind, String regionCode, Integer grade, boolean designated,
                  boolean cityManaged, boolean demo) {

    public boolean isHospital() {
        return kind == OrgKind.HOSPITAL || kind == OrgKind.PHARMACY;
    }
}
