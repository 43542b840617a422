package org.medfund.web.settlement;

import org.medfund.notices.XlsxExport;
import org.medfund.web.Downloads;
import org.medfund.web.MedfundUser;
import jakarta.servlet.http.HttpSession;
import org.medfund.web.MonthFilter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import org.medfund.registry.Org;
import org.medfund.registry.Registry;
import org.medfund.settlement.MonthlySettlements;
import org.medfund.settlement.BankFiles;
import org.medfund.settlement.Reconciliations;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Staff pages: 结算与对账 (a hospital sees its own reconciliations and payments, an agency those of the hospitals it
 * settles), one reconciliation with its 3201 groups and 3202 differences, and the obligations list (期限与待办).
 */
@Controller
class SettlementPages {

    private final Reconciliations reconciliations;
    private final MonthlySettlements settlements;
    private final Registry registry;
    private final Clock clock;

    SettlementPages(Reconciliations reconciliations, MonthlySettlements settlements, Registry registry,
                    Clock clock) {
        this.reconciliations = reconciliations;
        this.settlements = settlements;
        this.registry = registry;
        this.clock = clock;
    }

    /**
     * The month filter filters both lists (reconciliations of the month, batches of that cycle) and is remembered
     * ({@link MonthFilter}); a city's clerk sees its counties' reconciliations and batches too.
     */
    @GetMapping("/settlements")
    String list(@AuthenticationPrincipal MedfundUser user, @RequestParam(required = false) String period,
                HttpSession session, Model model) {
        YearMonth month = MonthFilter.resolve(session, period).orElse(null);
        model.addAttribute("period", month);
        model.addAttribute("reconciliations", reconciliations.inScope(user.actor(), month));
        model.addAttribute("batches", settlements.batchesInScope(user.actor()).stream()
                .filter(b -> month == null || b.cycle().equals(month)).toList());
        model.addAttribute("finance", user.actor().has(org.medfund.registry.Role.FINANCE));
        model.addAttribute("today", LocalDate.now(clock));
        // One token per rendered page: the release form submitted twice pays once.
        model.addAttribute("formToken", java.util.UUID.randomUUID().toString());
        return "settlements";
    }

    /** The bank file for staff signed in with a session (the /api twin needs a bearer token). */
    @GetMapping("/settlements/payment-batches/{id}/bank-file.csv")
    ResponseEntity<byte[]> bankCsv(@AuthenticationPrincipal MedfundUser user, @PathVariable long id) {
        return Downloads.attachment("batch-" + id + ".csv", new MediaType("text", "csv", StandardCharsets.UTF_8),
                BankFiles.csv(settlements.batch(user.actor(), id)));
    }

    @GetMapping("/settlements/payment-batches/{id}/bank-file.xlsx")
    ResponseEntity<byte[]> bankXlsx(@AuthenticationPrincipal MedfundUser user, @PathVariable long id) {
        return Downloads.attachment("batch-" + id + ".xlsx", XlsxExport.XLSX,
                BankFiles.xlsx(settlements.batch(user.actor(), id)));
    }

    /** A finance user pays the held lines whose stop was lifted (xinyang-2025 art. 11); still-stopped lines stay held. */
    @PostMapping("/settlements/payment-batches/{id}/release")
    String release(@AuthenticationPrincipal MedfundUser user, @PathVariable long id, @RequestParam LocalDate date,
                   @RequestParam String requestId) {
        settlements.release(user.actor(), id, date, "page:" + user.actor().orgCode() + ":" + requestId);
        return "redirect:/settlements";
    }

    @GetMapping("/settlements/reconciliations/{id}")
    String one(@AuthenticationPrincipal MedfundUser user, @PathVariable long id, Model model) {
        model.addAttribute("r", reconciliations.view(user.actor(), id));
        model.addAttribute("differences", reconciliations.differences(user.actor(), id));
        model.addAttribute("batchId", reconciliations.batchOf(user.actor(), id).orElse(null));
        return "settlement-reconciliation";
    }

    @GetMapping("/obligations")
    String obligations(@AuthenticationPrincipal MedfundUser user, @RequestParam(required = false) String period,
                       HttpSession session, Model model) {
        LocalDate today = LocalDate.now(clock);
        YearMonth month = MonthFilter.resolve(session, period).orElse(YearMonth.from(today).minusMonths(1));
        Org org = registry.requireOrg(user.actor().orgCode(), "org");
        model.addAttribute("period", month);
        model.addAttribute("today", today);
        java.util.List<org.medfund.settlement.ReconciliationView.Obligation> obligations = org.isHospital()
                ? java.util.List.of() : reconciliations.obligations(user.actor(), month, today);
        model.addAttribute("obligations", obligations);
        model.addAttribute("anyProvisional", obligations.stream().anyMatch(o -> o.provisional()));
        return "obligations";
    }
}
