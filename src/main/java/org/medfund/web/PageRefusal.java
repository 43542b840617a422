package org.medfund.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.medfund.common.Rejection;

/**
 * A page that answers a refused form with the form itself, the reason beside it (issue 13: "upload errors stay on the
 * form"), still answers with the refusal's status and leaves its code for the audit row, exactly as a refusal that
 * went to the problem page would: the audit log records REJECTED (or DENIED), not DONE.
 */
public final class PageRefusal {

    private PageRefusal() {
    }

    public static void mark(HttpServletRequest request, HttpServletResponse response, Rejection refused) {
        response.setStatus(refused.status());
        request.setAttribute(AuditTrailFilter.PROBLEM_CODE, refused.code());
        request.setAttribute(AuditTrailFilter.PROBLEM_REASON, refused.getMessage());
    }
}
