package org.medfund.registry;

/** Kinds of organisation medfund knows (DESIGN.md §1). */
public enum OrgKind {
    /** 医保经办机构 / 医疗保险服务中心. */
    AGENCY,
    /** 医疗保障局 (the bureau that approves; separate from its agency). */
    BUREAU,
    /** 财政部门, holding the social-security fund special account. */
    FINANCE,
    /** 省医保中心 / 异地就医结算中心. */
    SETTLEMENT_CENTRE,
    /** 定点医疗机构. */
    HOSPITAL,
    /** 定点零售药店. */
    PHARMACY,
    /** 税务. */
    TAX,
    /** 国库. */
    TREASURY,
    /** 人民政府. */
    GOVERNMENT
}
