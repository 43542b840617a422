package org.medfund.prepayment.internal;

import org.medfund.common.Rejection;
import org.medfund.prepayment.Prepayment;
import org.medfund.prepayment.Recovery;
import org.medfund.prepayment.Review;
import org.medfund.registry.Actor;
import org.medfund.registry.Role;

/** The checks every prepayment command makes on who acts and on the text it records. */
final class Access {

    /** Request ids of recorded inputs (the API prefixes the caller's key with its organisation). */
    static final int REQUEST_ID_CHARS_MAX = 200;

    private Access() {
    }

    static void requireRole(Actor actor, Role role) {
        if (!actor.has(role)) {
            throw Rejection.forbidden("prepayment.role", "actor", "需要角色 " + role + " 才能办理");
        }
    }

    /**
     * Only the agency that pays a prepayment acts on its money (issue 11 #6: a province clerk raised a recovery on
     * a prepayment a city agency had paid). Superior agencies see it and supervise; they do not book for the payer
     * (docs/decisions.md). The system actor of a settlement offset acts for the paying agency itself.
     */
    static void requirePayer(Prepayment row, Actor actor) {
        if (!actor.orgCode().equals(row.payerOrgCode())) {
            throw Rejection.forbidden("prepayment.not-payer", "prepaymentId", "预付金 " + row.id() + " 由 "
                    + row.payerOrgCode() + " 拨付，只能由该经办机构办理");
        }
    }

    /** Recoveries belong to the prepayment's paying agency (see {@link #requirePayer(Prepayment, Actor)}). */
    static void requirePayer(Recovery recovery, Actor actor) {
        if (!actor.orgCode().equals(recovery.payerOrgCode())) {
            throw Rejection.forbidden("prepayment.not-payer", "recoveryId", "收回事项 " + recovery.id() + " 属于 "
                    + recovery.payerOrgCode() + " 拨付的预付金，只能由该经办机构办理");
        }
    }

    static void requireEvidence(String evidence) {
        if (evidence == null || evidence.isBlank() || evidence.length() > Review.EVIDENCE_CHARS_MAX) {
            throw new Rejection("prepayment.evidence-missing", "evidence", "须记录依据（协议文本、文件编号等，至多 2000 字）");
        }
    }

    static String requestId(String requestId) {
        if (requestId == null || requestId.isBlank() || requestId.length() > REQUEST_ID_CHARS_MAX) {
            throw new Rejection("prepayment.request-id", "requestId", "须提供业务编号（至多 200 字符）");
        }
        return requestId;
    }
}
