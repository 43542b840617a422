package org.medfund.web.prepayment;

import org.medfund.notices.XlsxExport;
import org.medfund.web.Downloads;
import org.medfund.policy.Citations;
import org.medfund.web.MedfundUser;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.medfund.common.Rejection;
import org.medfund.notices.XlsxExport;
import org.medfund.prepayment.Application;
import org.medfund.prepayment.Applications;
import org.medfund.prepayment.DisclosureLine;
import org.medfund.prepayment.EligibilityCondition;
import org.medfund.prepayment.Finding;
import org.medfund.prepayment.Prepayment;
import org.medfund.prepayment.PrepaymentStatus;
import org.medfund.prepayment.Prepayments;
import org.medfund.prepayment.Recoveries;
import org.medfund.prepayment.RecoveryTrigger;
import org.medfund.prepayment.RegionPlans;
import org.medfund.prepayment.RegisterFilter;
import org.medfund.registry.Role;
import org.medfund.web.MedfundUser;
import org.springframework.http.HttpHeaders;
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
 * Staff and hospital pages of the prepayment capability: the register with filters (a hospital sees only its own
 * rows), one prepayment with its derivation, steps, movements and recoveries, the application review list, the
 * deadline list with overdue flags, and the art. 19 annual disclosure (printable page and xlsx).
 */
@Controller
class PrepaymentPages {

    private final Prepayments prepayments;
    private final Applications applications;
    private final Recoveries recoveries;
    private final Clock clock;
    private final RegionPlans regionPlans;
    private final org.medfund.registry.Registry registry;
    private final PrepaymentTrace trace;

    private final Citations citations;

    PrepaymentPages(Prepayments prepayments, Applications applications, Recoveries recoveries, Clock clock,
                    RegionPlans regionPlans, org.medfund.registry.Registry registry, Citations citations,
                    PrepaymentTrace trace) {
        this.registry = registry;
        this.citations = citations;
        this.trace = trace;
        this.regionPlans = regionPlans;
        this.prepayments = prepayments;
        this.applications = applications;
        this.recoveries = recoveries;
        this.clock = clock;
    }

    /** A register row with the hospital's current balance of that fund. */
    record Line(Prepayment row, String outstanding) {
    }

    @GetMapping("/prepayments")
    String register(@AuthenticationPrincipal MedfundUser user, @RequestParam(required = false) Integer year,
                    @RequestParam(required = false) String hospital, @RequestParam(required = false) String fund,
                    @RequestParam(required = false) String status, Model model) {
        Optional<PrepaymentStatus> named = PrepaymentStatus.named(blank(status));
        List<Prepayment> rows = blank(status) != null && named.isEmpty() ? List.of()
                : prepayments.register(new RegisterFilter(year, blank(hospital), blank(fund), named.orElse(null),
                null), user.actor());
        List<Line> lines = rows.stream()
                .map(p -> new Line(p, prepayments.outstanding(p.hospitalCode(), p.insuranceType()).toYuanText()))
                .toList();
        model.addAttribute("lines", lines);
        model.addAttribute("year", year);
        model.addAttribute("hospital", hospital);
        model.addAttribute("fund", fund);
        model.addAttribute("status", status);
        model.addAttribute("statuses", PrepaymentStatus.values());
        model.addAttribute("staff", !user.actor().has(Role.HOSPITAL));
        model.addAttribute("orgCode", user.actor().orgCode());
        return "prepayments";
    }

    @GetMapping("/prepayments/{id}")
    String one(@AuthenticationPrincipal MedfundUser user, @PathVariable String id, Model model) {
        Prepayment row = prepayments.prepayment(id, user.actor());
        model.addAttribute("p", row);
        model.addAttribute("staff", !user.actor().has(Role.HOSPITAL));
        model.addAttribute("outstanding", prepayments.outstanding(row.hospitalCode(), row.insuranceType()));
        model.addAttribute("steps", applications.steps(id));
        model.addAttribute("today", LocalDate.now(clock));
        List<org.medfund.prepayment.Movement> movements = prepayments.movements(row.hospitalCode(), user.actor()).stream()
                .filter(m -> m.insuranceType().equals(row.insuranceType())).toList();
        model.addAttribute("movements", movements);
        model.addAttribute("vouchers", trace.vouchers(movements));
        model.addAttribute("balance", trace.balance(movements, prepayments.outstanding(row.hospitalCode(),
                row.insuranceType())));
        model.addAttribute("bookVisible", trace.bookVisible(user.actor(), row.payerOrgCode()));
        // Only the forms the user may submit (issue 13): the capability refuses the others anyway.
        boolean payer = user.actor().orgCode().equals(row.payerOrgCode());
        model.addAttribute("canApprove", user.actor().has(Role.REVIEWER));
        model.addAttribute("canAct", payer && user.actor().has(Role.CLERK));
        model.addAttribute("canWriteOff", payer && user.actor().has(Role.REVIEWER));
        model.addAttribute("recoveries", recoveries.recoveries(row.hospitalCode(), user.actor()).stream()
                .filter(r -> r.insuranceType().equals(row.insuranceType())).toList());
        model.addAttribute("triggers", triggers(prepayments.regimeOf(row)));
        // One token per rendered form: submitting the same form twice records one return, not two.
        model.addAttribute("formToken", java.util.UUID.randomUUID().toString());
        return "prepayment";
    }

    /** A recovery trigger the pack knows, with the working days it gives the hospital to return the money. */
    record TriggerOption(RecoveryTrigger trigger, int returnWorkingDays) {
    }

    private static List<TriggerOption> triggers(org.medfund.prepayment.Regime regime) {
        return regime.recoveryTriggers().stream().map(t -> new TriggerOption(t, regime.returnWorkingDays(t)))
                .toList();
    }

    /** Maker-checker from the page: the reviewer approves; the capability refuses the preparing clerk. */
    @PostMapping("/prepayments/{id}/approve")
    String approve(@AuthenticationPrincipal MedfundUser user, @PathVariable String id) {
        prepayments.approve(id, LocalDate.now(clock), user.actor());
        return "redirect:/prepayments/" + id;
    }

    @GetMapping("/prepayments/applications")
    String applications(@AuthenticationPrincipal MedfundUser user, @RequestParam(required = false) Integer year,
                        Model model) {
        int shown = year == null ? LocalDate.now(clock).getYear() : year;
        model.addAttribute("year", shown);
        model.addAttribute("applications", applications.applications(shown, user.actor()));
        return "prepayment-applications";
    }

    /** One application: the annex form, the art. 3 findings, and for staff the review form while it is open. */
    @GetMapping("/prepayments/applications/{id}")
    String application(@AuthenticationPrincipal MedfundUser user, @PathVariable String id, Model model) {
        Application application = applications.application(id, user.actor());
        model.addAttribute("a", application);
        model.addAttribute("findings", applications.findings(id));
        model.addAttribute("conditions", EligibilityCondition.values());
        model.addAttribute("rows", prepayments.register(new RegisterFilter(application.year(),
                application.hospitalCode(), null, null, null), user.actor()));
        model.addAttribute("staff", !user.actor().has(Role.HOSPITAL));
        model.addAttribute("canReview", user.actor().has(Role.CLERK) && !user.actor().has(Role.HOSPITAL));
        model.addAttribute("today", LocalDate.now(clock));
        org.medfund.registry.Org hospital = registry.requireOrg(application.hospitalCode(), "hospitalCode");
        model.addAttribute("settled", applications.settledYear(hospital, application.year(),
                prepayments.regime(hospital.regionCode(), application.submittedOn())));
        return "prepayment-application";
    }

    /**
     * The county clerk records the five art. 3 findings (decision and evidence each); the capability decides, sizes
     * and opens the art. 6 steps. Approval stays with another user (the bureau review or the reviewer).
     */
    @PostMapping("/prepayments/applications/{id}/review")
    String review(@AuthenticationPrincipal MedfundUser user, @PathVariable String id,
                  @RequestParam Map<String, String> form) {
        applications.application(id, user.actor());
        List<Finding> findings = new ArrayList<>();
        for (EligibilityCondition c : EligibilityCondition.values()) {
            String decision = form.get("met_" + c.name());
            if (decision == null) {
                throw new Rejection("prepayment.finding-missing", "met_" + c.name(), c.article() + " 须选择审核结论");
            }
            findings.add(new Finding(c, decision.equals("true"), form.get("evidence_" + c.name()),
                    null));
        }
        applications.review(id, findings, date(form.get("date")), user.actor());
        return "redirect:/prepayments/applications/" + id;
    }

    /** Art. 10: the clerk raises a recovery trigger for the hospital and fund of a prepayment. */
    @PostMapping("/prepayments/{id}/recoveries")
    String raise(@AuthenticationPrincipal MedfundUser user, @PathVariable String id,
                 @RequestParam RecoveryTrigger trigger, @RequestParam String evidence,
                 @RequestParam(required = false) String date) {
        Prepayment row = prepayments.prepayment(id, user.actor());
        recoveries.raise(row.hospitalCode(), row.insuranceType(), trigger, evidence, date(date), user.actor());
        return "redirect:/prepayments/" + id;
    }

    /** The hospital returned money to the expenditure account (Dr 支出户存款 / Cr 暂付款—医保预付金). */
    @PostMapping("/prepayments/{id}/recoveries/{recoveryId}/return")
    String recordReturn(@AuthenticationPrincipal MedfundUser user, @PathVariable String id,
                        @PathVariable String recoveryId, @RequestParam String amount,
                        @RequestParam(required = false) String date, @RequestParam String requestId) {
        recoveries.recordReturn(recoveryId, PrepaymentApi.yuan(amount, "amount"), date(date), user.actor(),
                "page:" + user.actor().orgCode() + ":" + requestId);
        return "redirect:/prepayments/" + id;
    }

    /** Art. 11: the decision that it cannot be recovered — from its date the hospital's settlements stop. */
    @PostMapping("/prepayments/{id}/recoveries/{recoveryId}/unrecoverable")
    String unrecoverable(@AuthenticationPrincipal MedfundUser user, @PathVariable String id,
                         @PathVariable String recoveryId, @RequestParam String reason,
                         @RequestParam(required = false) String date) {
        recoveries.unrecoverable(recoveryId, reason, date(date), user.actor());
        return "redirect:/prepayments/" + id;
    }

    /** Art. 11: the application to the court for enforcement (date, court, case number). */
    @PostMapping("/prepayments/{id}/recoveries/{recoveryId}/court-application")
    String courtApplication(@AuthenticationPrincipal MedfundUser user, @PathVariable String id,
                            @PathVariable String recoveryId, @RequestParam String court, @RequestParam String caseNo,
                            @RequestParam(required = false) String date) {
        recoveries.courtApplication(recoveryId, date(date), court, caseNo, user.actor());
        return "redirect:/prepayments/" + id;
    }

    /** Art. 11: the court's document and the loss it confirms. */
    @PostMapping("/prepayments/{id}/recoveries/{recoveryId}/court-document")
    String courtDocument(@AuthenticationPrincipal MedfundUser user, @PathVariable String id,
                         @PathVariable String recoveryId, @RequestParam String courtDocument,
                         @RequestParam String loss, @RequestParam(required = false) String date) {
        recoveries.courtDocument(recoveryId, courtDocument, date(date), PrepaymentApi.yuan(loss, "loss"),
                user.actor());
        return "redirect:/prepayments/" + id;
    }

    /** Art. 11, 15: write-off after government approval, by a reviewer other than the clerk who declared it. */
    @PostMapping("/prepayments/{id}/recoveries/{recoveryId}/write-off")
    String writeOff(@AuthenticationPrincipal MedfundUser user, @PathVariable String id,
                    @PathVariable String recoveryId, @RequestParam String approvalDocument,
                    @RequestParam(required = false) String date, @RequestParam String requestId) {
        recoveries.writeOff(recoveryId, approvalDocument, date(date), user.actor(),
                "page:" + user.actor().orgCode() + ":" + requestId);
        return "redirect:/prepayments/" + id;
    }

    /** The business date of a form: the date field when given, else today. */
    private LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            return LocalDate.now(clock);
        }
        try {
            return LocalDate.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new Rejection("prepayment.date-invalid", "date", "日期格式须为 YYYY-MM-DD：" + text);
        }
    }

    /** Seed 000 二(二): the province centre's in-province cross-region plans per pooling region and fund. */
    @GetMapping("/prepayments/region-plans")
    String regionPlans(@AuthenticationPrincipal MedfundUser user, @RequestParam(required = false) Integer year,
                       Model model) {
        int shown = year == null ? LocalDate.now(clock).getYear() : year;
        model.addAttribute("year", shown);
        model.addAttribute("plans", regionPlans.plans(shown, user.actor()));
        // RegionPlans.generate: a clerk of the province's settlement centre (henan-2023 二(二)).
        model.addAttribute("canGenerate", user.actor().has(Role.CLERK) && registry.org(user.actor().orgCode())
                .filter(o -> o.kind() == org.medfund.registry.OrgKind.SETTLEMENT_CENTRE)
                .flatMap(o -> registry.region(o.regionCode()))
                .filter(r -> r.level() == org.medfund.registry.RegionLevel.PROVINCE).isPresent());
        model.addAttribute("today", LocalDate.now(clock));
        return "prepayment-region-plans";
    }

    @PostMapping("/prepayments/region-plans")
    String generateRegionPlans(@AuthenticationPrincipal MedfundUser user, @RequestParam int year,
                               @RequestParam(required = false) String date) {
        regionPlans.generate(year, date(date), user.actor());
        return "redirect:/prepayments/region-plans?year=" + year;
    }

    @GetMapping("/prepayments/deadlines")
    String deadlines(@AuthenticationPrincipal MedfundUser user, Model model) {
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("unpaid", prepayments.unpaid(user.actor()));
        model.addAttribute("steps", applications.openSteps(user.actor()));
        model.addAttribute("recoveries", recoveries.open(user.actor()));
        return "prepayment-deadlines";
    }

    @GetMapping("/prepayments/disclosure")
    String disclosure(@AuthenticationPrincipal MedfundUser user, @RequestParam int year, Model model) {
        model.addAttribute("year", year);
        model.addAttribute("lines", prepayments.disclosure(year, user.actor()));
        return "prepayment-disclosure";
    }

    /** The payment file for staff signed in with a session (the /api twin needs a bearer token). */
    @GetMapping("/prepayments/payment-file.csv")
    ResponseEntity<byte[]> paymentFileCsv(@AuthenticationPrincipal MedfundUser user,
                                          @RequestParam(required = false) String payer,
                                          @RequestParam LocalDate date) {
        String org = payer == null ? user.actor().orgCode() : payer;
        return Downloads.attachment("prepayment-payment-" + org + "-" + date + ".csv",
                new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8),
                prepayments.paymentFileCsv(org, date, user.actor()));
    }

    @GetMapping("/prepayments/payment-file.xlsx")
    ResponseEntity<byte[]> paymentFileXlsx(@AuthenticationPrincipal MedfundUser user,
                                           @RequestParam(required = false) String payer,
                                           @RequestParam LocalDate date) {
        String org = payer == null ? user.actor().orgCode() : payer;
        return Downloads.attachment("prepayment-payment-" + org + "-" + date + ".xlsx", XlsxExport.XLSX,
                prepayments.paymentFileXlsx(org, date, user.actor()));
    }

    static final List<String> DISCLOSURE_HEADER = List.of("年度", "医疗机构编码", "医疗机构名称", "险种", "政策文件",
            "核定额度（元）", "拨付金额（元）", "收回金额（元）", "状态", "清算方式", "清算日期");

    /** The art. 19 disclosure as a sheet: amounts are number cells (two decimals), the policy by document number. */
    @GetMapping("/prepayments/disclosure.xlsx")
    ResponseEntity<byte[]> disclosureXlsx(@AuthenticationPrincipal MedfundUser user, @RequestParam int year) {
        List<List<Object>> rows = new java.util.ArrayList<>();
        for (DisclosureLine line : prepayments.disclosure(year, user.actor())) {
            rows.add(java.util.Arrays.asList(line.year(), line.hospitalCode(), line.hospitalName(),
                    line.insuranceType(), citations.text(line.packId()), line.sized().toYuan(),
                    line.disbursed().toYuan(), line.recovered().toYuan(), line.statusLabel(),
                    line.clearingLabel(),
                    line.clearedOn() == null ? "" : line.clearedOn().toString()));
        }
        return XlsxExport.response("prepayment-disclosure-" + year + ".xlsx", year + "年预付金公示",
                DISCLOSURE_HEADER, rows);
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
