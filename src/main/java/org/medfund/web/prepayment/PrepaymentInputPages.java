package org.medfund.web.prepayment;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.medfund.common.Money;
import org.medfund.common.Rejection;
import org.medfund.prepayment.Agreement;
import org.medfund.prepayment.AgreementRecord;
import org.medfund.prepayment.Agreements;
import org.medfund.prepayment.EffectiveFundStatus;
import org.medfund.prepayment.FundFigures;
import org.medfund.prepayment.FundMonth;
import org.medfund.prepayment.FundRecord;
import org.medfund.prepayment.FundStatuses;
import org.medfund.prepayment.Prepayments;
import org.medfund.registry.Registry;
import org.medfund.registry.Role;
import org.medfund.web.MedfundUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Staff forms for the two inputs that decide prepayment money (maker-checker, with evidence): a hospital's service
 * agreements (record a version, confirm another clerk's) and a region's art. 7 fund status (record, confirm, and what
 * the gate would use — from the books or the confirmed record). Each form posts to the same command as the API.
 */
@Controller
class PrepaymentInputPages {

    /** A fund status form holds at most this many month lines (12 actual + the forecast). */
    static final int MONTH_LINES_MAX = 36;

    private final Agreements agreements;
    private final FundStatuses fundStatuses;
    private final Registry registry;
    private final Prepayments prepayments;
    private final Clock clock;

    PrepaymentInputPages(Agreements agreements, FundStatuses fundStatuses, Registry registry, Prepayments prepayments,
                         Clock clock) {
        this.prepayments = prepayments;
        this.agreements = agreements;
        this.fundStatuses = fundStatuses;
        this.registry = registry;
        this.clock = clock;
    }

    @GetMapping("/prepayments/agreements")
    String agreements(@AuthenticationPrincipal MedfundUser user, @RequestParam(required = false) String hospital,
                      Model model) {
        String shown = hospital == null || hospital.isBlank() ? null : hospital.strip();
        model.addAttribute("hospital", shown);
        model.addAttribute("records", shown == null ? List.of() : agreements.records(shown, user.actor()));
        model.addAttribute("pending", agreements.pending(user.actor()));
        model.addAttribute("staff", !user.actor().has(Role.HOSPITAL));
        // Only the forms the user may submit (issue 13): a clerk records, a reviewer confirms.
        model.addAttribute("canRecord", user.actor().has(Role.CLERK) && !user.actor().has(Role.HOSPITAL));
        model.addAttribute("canConfirm", user.actor().has(Role.REVIEWER));
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("formToken", java.util.UUID.randomUUID().toString());
        return "prepayment-agreements";
    }

    @PostMapping("/prepayments/agreements")
    String recordAgreement(@AuthenticationPrincipal MedfundUser user, @RequestParam Map<String, String> form) {
        String hospital = form.getOrDefault("hospitalCode", "").strip();
        String factor = form.getOrDefault("communityFactor", "").strip();
        BigDecimal communityFactor;
        try {
            communityFactor = factor.isEmpty() ? null : new BigDecimal(factor);
        } catch (NumberFormatException e) {
            throw new Rejection("prepayment.community-factor", "communityFactor", "预拨倍数须为数字：" + factor);
        }
        agreements.record(new Agreement(hospital, form.get("agreementNo"), date(form.get("validFrom"),
                "validFrom"), optionalDate(form.get("validUntil")), form.get("prepaymentTerms"),
                "true".equals(form.get("medicalCommunity")), communityFactor), form.get("evidence"), user.actor(),
                "page:" + user.actor().orgCode() + ":" + form.get("requestId"));
        return "redirect:/prepayments/agreements?hospital=" + hospital;
    }

    @PostMapping("/prepayments/agreements/{id}/confirm")
    String confirmAgreement(@AuthenticationPrincipal MedfundUser user, @PathVariable long id,
                            @RequestParam(required = false) String date) {
        LocalDate confirmedOn = optionalDate(date);
        AgreementRecord confirmed = agreements.confirm(id, confirmedOn == null ? LocalDate.now(clock)
                : confirmedOn, user.actor());
        return "redirect:/prepayments/agreements?hospital=" + confirmed.agreement().hospitalCode();
    }

    /** One fund's view on the page: its records and what the gate would use now (or why it cannot open). */
    record FundView(String insuranceType, List<FundRecord> records, EffectiveFundStatus effective,
                    String missing, boolean booksHold) {
    }

    @GetMapping("/prepayments/fund-status")
    String fundStatus(@AuthenticationPrincipal MedfundUser user, @RequestParam(required = false) String region,
                      @RequestParam(required = false) Integer year, Model model) {
        String shownRegion = region == null || region.isBlank() ? cityOf(user) : region.strip();
        int shownYear = year == null ? LocalDate.now(clock).getYear() : year;
        Map<String, List<FundRecord>> byFund = new TreeMap<>();
        for (FundRecord r : fundStatuses.records(shownRegion, shownYear, user.actor())) {
            byFund.computeIfAbsent(r.insuranceType(), k -> new ArrayList<>()).add(r);
        }
        List<FundView> funds = new ArrayList<>();
        for (String fund : gatedFunds(shownRegion, shownYear)) {
            EffectiveFundStatus effective = null;
            String missing = null;
            try {
                effective = fundStatuses.effective(shownRegion, fund, shownYear);
            } catch (Rejection e) {
                missing = e.getMessage();
            }
            funds.add(new FundView(fund, byFund.getOrDefault(fund, List.of()), effective, missing,
                    fundStatuses.booksHold(shownRegion, fund, shownYear)));
        }
        model.addAttribute("region", shownRegion);
        model.addAttribute("year", shownYear);
        model.addAttribute("funds", funds);
        model.addAttribute("staff", !user.actor().has(Role.HOSPITAL));
        // Only the forms the user may submit (issue 13): a clerk records, a reviewer confirms.
        model.addAttribute("canRecord", user.actor().has(Role.CLERK) && !user.actor().has(Role.HOSPITAL));
        model.addAttribute("canConfirm", user.actor().has(Role.REVIEWER));
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("formToken", java.util.UUID.randomUUID().toString());
        return "prepayment-fund-status";
    }

    /**
     * The funds whose art. 7 gate the region's prepayment regime sets for the year; none where the regime sets no gate
     * (Henan) or the region has no prepayment regime at all (the page then says so instead of failing).
     */
    private List<String> gatedFunds(String regionCode, int year) {
        try {
            var regime = prepayments.regime(regionCode, LocalDate.of(year, 1, 1));
            return regime.insuranceTypes().stream().filter(f -> regime.monthsPayableMin(f).isPresent()).toList();
        } catch (Rejection noRegime) {
            return List.of();
        }
    }

    /** The pooling region of the user's organisation: its city (Xinyang pools at city level), else its own region. */
    private String cityOf(MedfundUser user) {
        String regionCode = registry.requireOrg(user.actor().orgCode(), "org").regionCode();
        return registry.lineage(regionCode).stream()
                .filter(r -> r.level() == org.medfund.registry.RegionLevel.CITY).findFirst()
                .map(org.medfund.registry.Region::code).orElse(regionCode);
    }

    @PostMapping("/prepayments/fund-status")
    String recordFundStatus(@AuthenticationPrincipal MedfundUser user, @RequestParam Map<String, String> form) {
        String region = form.getOrDefault("regionCode", "").strip();
        int year = integer(form.get("year"), "year");
        String balance = form.getOrDefault("accumulatedBalance", "").strip();
        fundStatuses.record(region, form.get("insuranceType"), year, new FundFigures(
                balance.isEmpty() ? null : PrepaymentApi.yuan(balance, "accumulatedBalance"),
                monthLines(form.get("lastYear"), "lastYear"), monthLines(form.get("forecast"), "forecast")),
                form.get("evidence"), LocalDate.now(clock), user.actor(),
                "page:" + user.actor().orgCode() + ":" + form.get("requestId"));
        return "redirect:/prepayments/fund-status?region=" + region + "&year=" + year;
    }

    @PostMapping("/prepayments/fund-status/{id}/confirm")
    String confirmFundStatus(@AuthenticationPrincipal MedfundUser user, @PathVariable long id) {
        FundRecord confirmed = fundStatuses.confirm(id, user.actor());
        return "redirect:/prepayments/fund-status?region=" + confirmed.regionCode() + "&year=" + confirmed.year();
    }

    /** "2025-01 53000000.00 52000000.00" per line (month, income, expenditure in yuan; spaces, tabs or commas). */
    static List<FundMonth> monthLines(String text, String field) {
        List<FundMonth> months = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return months;
        }
        String[] lines = text.strip().split("\\R");
        if (lines.length > MONTH_LINES_MAX) {
            throw new Rejection("prepayment.fund-window", field, "月份行数超过上限 " + MONTH_LINES_MAX);
        }
        for (String line : lines) {
            String[] parts = line.strip().split("[\\s,，]+");
            if (parts.length != 3) {
                throw new Rejection("prepayment.fund-window", field, "每行须为“月份 收入 支出”：" + line.strip());
            }
            YearMonth month;
            try {
                month = YearMonth.parse(parts[0]);
            } catch (java.time.format.DateTimeParseException e) {
                throw new Rejection("prepayment.fund-window", field, "月份格式须为 YYYY-MM：" + parts[0]);
            }
            Money income = PrepaymentApi.yuan(parts[1], field);
            months.add(new FundMonth(month, income, PrepaymentApi.yuan(parts[2], field)));
        }
        return months;
    }

    private static int integer(String text, String field) {
        try {
            return Integer.parseInt(text == null ? "" : text.strip());
        } catch (NumberFormatException e) {
            throw new Rejection("prepayment.year-invalid", field, "年度须为数字：" + text);
        }
    }

    private static LocalDate date(String text, String field) {
        LocalDate date = optionalDate(text);
        if (date == null) {
            throw new Rejection("prepayment.date-missing", field, "须填写日期（YYYY-MM-DD）");
        }
        return date;
    }

    private static LocalDate optionalDate(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new Rejection("prepayment.date-invalid", "date", "日期格式须为 YYYY-MM-DD：" + text);
        }
    }
}
