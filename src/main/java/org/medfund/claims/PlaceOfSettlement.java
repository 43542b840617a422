package org.medfund.claims;

/** Where a visit was settled relative to the insured person's region (本地 / 省内异地 / 跨省异地). */
public enum PlaceOfSettlement {
    LOCAL, IN_PROVINCE, CROSS_PROVINCE
}
