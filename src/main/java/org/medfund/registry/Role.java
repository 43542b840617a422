package org.medfund.registry;

/** What a user may do; one user can hold several roles within one organisation. */
public enum Role {
    /** 经办. */
    CLERK,
    /** 复核: confirms what a clerk prepared; never the same user as the clerk. */
    REVIEWER,
    /** 财务. */
    FINANCE,
    /** 医疗机构. */
    HOSPITAL,
    /** 审计: read-only. */
    AUDITOR,
    ADMIN
}
