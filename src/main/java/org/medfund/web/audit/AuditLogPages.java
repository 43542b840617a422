package org.medfund.web.audit;

import org.medfund.web.MedfundUser;
import org.medfund.web.Scope;
import java.util.List;
import org.medfund.common.AuditLog;
import org.medfund.registry.Registry;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * 审计日志: the audit trail for auditors and everyone else who may see it, with the filters of
 * {@link AuditLogApi} and an xlsx export of the same selection ({@code /audit-log.xlsx}, the session twin of the API
 * export). Same scope as the API.
 */
@Controller
class AuditLogPages {

    private final AuditLog audit;
    private final Registry registry;

    AuditLogPages(AuditLog audit, Registry registry) {
        this.audit = audit;
        this.registry = registry;
    }

    @GetMapping("/audit-log")
    String list(@AuthenticationPrincipal MedfundUser user, @ModelAttribute("params") AuditLogApi.AuditLogParams params,
                Model model) {
        AuditLog.Reader reader = AuditLogApi.reader(user, registry);
        List<AuditLog.Entry> rows = audit.find(AuditLogApi.filter(user, registry, params), reader,
                AuditLogApi.rows(params.limit()));
        model.addAttribute("rows", rows);
        model.addAttribute("rowsShown", AuditLogApi.rows(params.limit()));
        model.addAttribute("commands", audit.commands(reader));
        model.addAttribute("outcomes", AuditLog.Outcome.values());
        model.addAttribute("scope", Scope.of(user, registry));
        return "audit-log";
    }
}
