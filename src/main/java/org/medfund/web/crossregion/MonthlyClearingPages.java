package org.medfund.web.crossregion;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.medfund.common.Rejection;
import org.medfund.crossregion.CrossRegionFunding;
import org.medfund.crossregion.HospitalPayState;
import org.medfund.crossregion.MonthlyClearing;
import org.medfund.crossregion.MonthlyClearing.Plan;
import org.medfund.crossregion.MonthlyClearing.RegionLine;
import org.medfund.ledger.PostedEntry;
import org.medfund.registry.Org;
import org.medfund.registry.OrgKind;
import org.medfund.registry.Region;
import org.medfund.registry.RegionLevel;
import org.medfund.registry.Registry;
import org.medfund.registry.Role;
import org.medfund.web.MedfundUser;
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
 * The month's cross-region clearing (henan-2023 三(二)(三)), a sub-page of the funding dashboard: the steps with due
 * dates and status, the regions' confirmations, the plan per region and insurance type with its transfers and their
 * state, the hospitals' lines, the notices (page, PDF, xlsx) and the report to province finance. A region sees its
 * own lines and notice; only the buttons the caller may press are shown, each acting on today's date.
 */
@Controller
class MonthlyClearingPages {

    private final MonthlyClearing clearing;
    private final CrossRegionFunding funding;
    private final MonthlyClearingDocuments documents;
    private final Registry registry;
    private final Clock clock;

    MonthlyClearingPages(MonthlyClearing clearing, CrossRegionFunding funding, MonthlyClearingDocuments documents,
                  Registry registry, Clock clock) {
        this.clearing = clearing;
        this.funding = funding;
        this.documents = documents;
        this.registry = registry;
        this.clock = clock;
    }

    /** What the caller is, for the buttons: the province centre's clerk, province finance, a city agency's clerk. */
    record Caller(boolean centre, boolean provinceFinance, String regionCode, boolean province) {
    }

    record LineRow(String region, String regionCode, String type, String receive, String owe, String net,
                   String derivation, String funding, String disbursement, String hospitalsPaid, String ledgerHref) {
    }

    /** A hospital line: region, the printed receipt (gross, offset, net, advances with vouchers), the button. */
    record HospitalRow(String region, String typeCode, MonthlyClearingDocuments.Receipt receipt,
                       boolean recoverable) {
    }

    /** An advance of the receivable list: the month it was advanced, its story, the button to record a return. */
    record AdvanceRow(String region, MonthlyClearing.AdvanceReceivable advance, String type,
                      List<MonthlyClearingDocuments.AdvanceView> story, boolean recoverable) {
    }

    @GetMapping("/crossregion/monthly-clearing")
    String page(@AuthenticationPrincipal MedfundUser user, @RequestParam(required = false) YearMonth period,
                Model model) {
        LocalDate today = LocalDate.now(clock);
        YearMonth month = period == null ? YearMonth.from(today).minusMonths(1) : period;
        Caller caller = caller(user);
        model.addAttribute("period", month);
        model.addAttribute("caller", caller);
        model.addAttribute("problem", null);
        model.addAttribute("plan", null);
        model.addAttribute("lines", List.of());
        model.addAttribute("hospitals", List.of());
        model.addAttribute("steps", List.of());
        model.addAttribute("confirmations", List.of());
        model.addAttribute("ownConfirmed", true);
        model.addAttribute("ownNotice", null);
        model.addAttribute("advances", List.of());
        // Voucher links only into books the user may open (a hospital sees its lines, not the agency's book).
        Predicate<PostedEntry> visible = e -> registry.canSeeOrg(user.actor(), e.bookOrgCode());
        try {
            model.addAttribute("steps", funding.clearingSteps(month, today, user.actor()));
            List<MonthlyClearing.DataConfirmation> confirmations = clearing.dataConfirmations(month, user.actor());
            model.addAttribute("confirmations", confirmations);
            model.addAttribute("ownConfirmed", caller.regionCode() == null || confirmations.stream()
                    .anyMatch(c -> c.regionCode().equals(caller.regionCode())));
            Optional<Plan> plan = clearing.plan(month, user.actor());
            if (plan.isPresent()) {
                model.addAttribute("plan", plan.get());
                model.addAttribute("lines", plan.get().regions().stream().map(l -> row(l, caller, month)).toList());
                model.addAttribute("hospitals", plan.get().hospitals().stream().map(h -> new HospitalRow(
                        name(h.regionCode()), h.insuranceType(), documents.receipt(h, visible),
                        h.state() == HospitalPayState.ADVANCED && h.regionCode().equals(caller.regionCode())))
                        .toList());
                if (caller.regionCode() != null) {
                    model.addAttribute("ownNotice", clearing.notice(month, caller.regionCode(), user.actor()));
                }
            }
            // The receivable list (henan-2023 三(三)): every advance still owed, of any month, oldest first.
            model.addAttribute("advances", clearing.openAdvances(user.actor()).stream().map(a -> new AdvanceRow(
                    name(a.regionCode()), a, documents.type(a.insuranceType()),
                    documents.advances(a.advance(), visible), a.regionCode().equals(caller.regionCode()))).toList());
        } catch (Rejection rejected) {
            model.addAttribute("problem", rejected.getMessage());
        }
        return "crossregion-monthly-clearing";
    }

    @GetMapping(value = "/crossregion/monthly-clearing/notice", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> notice(@AuthenticationPrincipal MedfundUser user, @RequestParam YearMonth period,
                                  @RequestParam String region) {
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .body(documents.html(clearing.notice(period, region, user.actor())));
    }

    @PostMapping("/crossregion/monthly-clearing/{action}")
    String act(@AuthenticationPrincipal MedfundUser user, @PathVariable String action, @RequestParam YearMonth period,
               @RequestParam(required = false) String hospital, @RequestParam(required = false) String type) {
        LocalDate today = LocalDate.now(clock);
        var actor = user.actor();
        switch (action) {
            case "confirm-data" -> clearing.confirmData(period, today, actor);
            case "generate" -> clearing.generatePlan(period, today, actor);
            case "usage-plan" -> clearing.submitUsagePlan(period, today, actor);
            case "fund" -> clearing.fundCentre(period, today, actor);
            case "fund-receipt" -> clearing.confirmFunding(period, today, actor);
            case "disburse" -> clearing.disburse(period, today, actor);
            case "disbursement-receipt" -> clearing.confirmDisbursement(period, today, actor);
            case "pay-hospitals" -> clearing.payHospitals(period, today, actor);
            case "confirm-notice" -> clearing.confirmNotice(period, today, actor);
            case "recover" -> clearing.recoverAdvance(period, hospital, type, today, actor);
            default -> throw Rejection.notFound("crossregion.step-unknown", "action", "没有这个办理步骤");
        }
        return "redirect:/crossregion/monthly-clearing?period=" + period;
    }

    private LineRow row(RegionLine l, Caller caller, YearMonth month) {
        boolean bookVisible = caller.province() || l.regionCode().equals(caller.regionCode());
        String agency = registry.agencyOf(l.regionCode()).map(Org::code).orElse(null);
        return new LineRow(l.regionName(), l.regionCode(), documents.type(l.insuranceType()), l.receive().toYuanText(),
                l.owe().toYuanText(), l.net().toYuanText(), l.derivation().explain(),
                MonthlyClearingDocuments.leg(l.funding(), "省财政厅拨付省医保中心"),
                MonthlyClearingDocuments.leg(l.disbursement(), "省医保中心拨付本统筹区"),
                l.hospitalsPaidOn() == null ? "未拨付" : l.hospitalsPaidOn() + " 已拨付",
                bookVisible && agency != null ? "/ledger/" + agency + "/detail?account=2211.03&from=" + month : null);
    }

    private Caller caller(MedfundUser user) {
        Optional<Org> org = registry.org(user.actor().orgCode());
        if (org.isEmpty()) {
            return new Caller(false, false, null, false);
        }
        Region region = registry.requireRegion(org.get().regionCode(), "orgCode");
        boolean province = region.level() == RegionLevel.PROVINCE && !org.get().isHospital();
        boolean centre = province && org.get().kind() == OrgKind.SETTLEMENT_CENTRE && user.actor().has(Role.CLERK);
        boolean finance = province && org.get().kind() == OrgKind.FINANCE && user.actor().has(Role.FINANCE);
        String city = region.level() == RegionLevel.CITY && org.get().kind() == OrgKind.AGENCY
                && user.actor().has(Role.CLERK) ? region.code() : null;
        return new Caller(centre, finance, city, province);
    }

    private String name(String code) {
        return registry.region(code).map(Region::name).orElse(code);
    }
}
