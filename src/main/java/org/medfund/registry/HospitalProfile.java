package org.medfund.registry;

/**
 * What medfund knows about a designated hospital or pharmacy beyond {@link Org}: its category and whether it
 * belongs to a county medical community (县域紧密型医共体), which Xinyang settles as one budget unit.
 *
 * @param category e.g. 综合医院, 中医医院, 乡镇卫生院, 社区卫生服务中心, 零售药店; null when unknown
 * @param medicalCommunityName the community's name, null when {@code medicalCommunity} is false
 */
public record HospitalProfile(String orgCode, String category, boolean medicalCommunity,
                              String medicalCommunityName) {
}
