package org.medfund.ledger;

import org.medfund.registry.OrgKind;

/**
 * The kind of book (账套) an organisation keeps, which decides its chart of accounts. Hospitals keep no book in
 * medfund (hospital-internal accounting is out of scope, DESIGN.md §10): they get statements instead.
 */
public enum BookType {
    /** 医保经办机构 and the province 异地就医结算中心: 社会保险基金会计制度. */
    AGENCY,
    /** 财政部门: the social security fund special account books (财政专户). */
    FINANCE;

    /** The book type of an organisation kind, or null when that kind keeps no book in medfund. */
    public static BookType of(OrgKind kind) {
        if (kind == OrgKind.AGENCY || kind == OrgKind.SETTLEMENT_CENTRE) {
            return AGENCY;
        }
        if (kind == OrgKind.FINANCE) {
            return FINANCE;
        }
        return null;
    }
}
