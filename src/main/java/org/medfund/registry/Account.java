package org.medfund.registry;

/**
 * A bank or fiscal account held by an organisation.
 *
 * @param kind 收入户, 支出户, 财政专户, a hospital's 结算账户 or a 储备金账户
 * @param insuranceType the fund the sub-account serves (310, 390, …), null when shared
 * @param provenance the published source of the details (e.g. "guizhou-2017 附件1 一(三)"); null when fictional (demo)
 *     or entered by a user
 */
public record Account(String id, String orgCode, AccountKind kind, String insuranceType, String bankName,
                      String accountNo, String accountName, String provenance) {
}
