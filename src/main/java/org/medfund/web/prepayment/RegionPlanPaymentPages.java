package org.medfund.web.prepayment;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.medfund.common.Rejection;
import org.medfund.prepayment.PlanMove;
import org.medfund.prepayment.PlanPaymentState;
import org.medfund.prepayment.RegionPlanPayments;
import org.medfund.prepayment.RegionPlanPayments.PlanPayment;
import org.medfund.registry.Actor;
import org.medfund.registry.OrgKind;
import org.medfund.registry.RegionLevel;
import org.medfund.registry.Registry;
import org.medfund.registry.Role;
import org.medfund.web.MedfundUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 预拨计划资金划拨 (henan-2023 二(二), 三(三)): each region plan of a year with what its netting moves, the transfer's
 * state and the button for whose turn it is — province finance pays a top-up, the region's agency returns a
 * recovery, the payee confirms arrival. The engine refuses anyone else; the buttons only spare them the refusal.
 */
@Controller
class RegionPlanPaymentPages {

    private final RegionPlanPayments payments;
    private final Registry registry;
    private final Clock clock;

    RegionPlanPaymentPages(RegionPlanPayments payments, Registry registry, Clock clock) {
        this.payments = payments;
        this.registry = registry;
        this.clock = clock;
    }

    /** A plan's money as the page shows it: the fund's name, and whether the caller's organisation acts next. */
    record Row(PlanPayment payment, String fund, boolean canPay, boolean canConfirm) {
    }

    private Row row(PlanPayment p, Actor actor) {
        boolean agency = registry.agencyOf(p.regionCode()).map(o -> o.code().equals(actor.orgCode())).orElse(false)
                && actor.has(Role.CLERK);
        boolean finance = registry.org(actor.orgCode()).filter(o -> o.kind() == OrgKind.FINANCE)
                .flatMap(o -> registry.region(o.regionCode())).filter(r -> r.level() == RegionLevel.PROVINCE)
                .isPresent() && actor.has(Role.FINANCE);
        boolean recovery = p.move() == PlanMove.RECOVERY;
        return new Row(p, registry.insuranceType(p.insuranceType()).map(t -> t.name()).orElse(p.insuranceType()),
                p.state() == PlanPaymentState.PENDING && (recovery ? agency : finance),
                p.state() == PlanPaymentState.SENT && (recovery ? finance : agency));
    }

    @GetMapping("/prepayments/region-plans/payments")
    String list(@AuthenticationPrincipal MedfundUser user, @RequestParam(required = false) Integer year, Model model) {
        int shown = year == null ? LocalDate.now(clock).getYear() : year;
        model.addAttribute("year", shown);
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("rows", payments.payments(shown, user.actor()).stream().map(p -> row(p, user.actor()))
                .toList());
        return "prepayment-region-plan-payments";
    }

    @PostMapping("/prepayments/region-plans/payments")
    String pay(@AuthenticationPrincipal MedfundUser user, @RequestParam String planId,
               @RequestParam(required = false) String date, @RequestParam int year) {
        payments.pay(planId, date(date), user.actor());
        return "redirect:/prepayments/region-plans/payments?year=" + year;
    }

    @PostMapping("/prepayments/region-plans/payments/receipt")
    String receipt(@AuthenticationPrincipal MedfundUser user, @RequestParam String planId,
                   @RequestParam(required = false) String date, @RequestParam int year) {
        payments.confirmReceipt(planId, date(date), user.actor());
        return "redirect:/prepayments/region-plans/payments?year=" + year;
    }

    private LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            return LocalDate.now(clock);
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new Rejection("prepayment.date-invalid", "date", "日期格式须为 YYYY-MM-DD：" + text);
        }
    }
}
