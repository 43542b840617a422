package org.medfund.web.crossregion;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.medfund.common.Rejection;
import org.medfund.crossregion.ClearingKind;
import org.medfund.crossregion.ClearingNotices;
import org.medfund.crossregion.ClearingState;
import org.medfund.crossregion.CrossRegionClearing;
import org.medfund.crossregion.CrossRegionClearing.Clearing;
import org.medfund.crossregion.CrossRegionQuotas;
import org.medfund.crossregion.ObligationKind;
import org.medfund.ledger.Ledger;
import org.medfund.ledger.LedgerReports;
import org.medfund.ledger.PostedEntry;
import org.medfund.notices.Notice;
import org.medfund.notices.XlsxExport;
import org.medfund.policy.Citations;
import org.medfund.registry.Org;
import org.medfund.registry.OrgKind;
import org.medfund.registry.Registry;
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
 * 异地就医清算 page (guizhou-2017 附件一 三, 附件二 二(二)(三)): the quarter's monthly cross-province clearings and its
 * in-province clearing per city with state, amounts (each with its derivation and its ledger vouchers), the clearing
 * obligations with due dates, buttons for whoever's turn it is (the centre confirms and submits a month, province
 * finance pays, the centre issues the quarter, the city confirms, the centre writes down), the notices as printable
 * pages and PDF, and the xlsx export. A city sees its own clearings.
 */
@Controller
class ClearingPages {

    static final Set<ObligationKind> CLEARING_OBLIGATIONS = EnumSet.of(ObligationKind.MONTHLY_CLEARING_DOWNLOAD,
            ObligationKind.MONTHLY_CLEARING_TO_FINANCE, ObligationKind.MONTHLY_CLEARING_PAY,
            ObligationKind.QUARTERLY_CLEARING_PUBLISH, ObligationKind.QUARTERLY_CLEARING_CONFIRM,
            ObligationKind.QUARTERLY_CLEARING_POST);

    private final CrossRegionClearing clearing;
    private final CrossRegionQuotas quotas;
    private final ClearingNotices notices;
    private final LedgerReports reports;
    private final Ledger ledger;
    private final Registry registry;
    private final Citations citations;
    private final Clock clock;

    ClearingPages(CrossRegionClearing clearing, CrossRegionQuotas quotas, ClearingNotices notices,
                  LedgerReports reports, Ledger ledger, Registry registry, Citations citations, Clock clock) {
        this.clearing = clearing;
        this.quotas = quotas;
        this.notices = notices;
        this.reports = reports;
        this.ledger = ledger;
        this.registry = registry;
        this.citations = citations;
        this.clock = clock;
    }

    record Voucher(String orgCode, long sequenceNo, String label) {
    }

    record Row(String id, String kind, String period, String city, String direction, String counterpart,
               int count, String amount, String state, String derivation, String citation, List<Voucher> vouchers,
               List<String> parts, String action, String actionLabel) {
    }

    record MonthAction(int year, int month, String step, String label) {
    }


    @GetMapping("/crossregion/clearing")
    String page(@AuthenticationPrincipal MedfundUser user, @RequestParam(required = false) Integer year,
                @RequestParam(required = false) Integer quarter, Model model) {
        LocalDate today = LocalDate.now(clock);
        YearMonth last = YearMonth.from(today).minusMonths(3);
        int y = year == null ? last.getYear() : year;
        int q = quarter == null ? (last.getMonthValue() - 1) / 3 + 1 : quarter;
        if (q < 1 || q > 4) {
            throw new Rejection("crossregion.quarter-invalid", "quarter", "季度应为 1 至 4");
        }
        LocalDate from = LocalDate.of(y, (q - 1) * 3 + 1, 1);
        LocalDate to = from.plusMonths(3).minusDays(1);
        List<Clearing> all = clearing.clearings(from, to, user.actor());
        boolean centre = isCentreClerk(user);
        boolean provinceFinance = isProvinceFinance(user);
        model.addAttribute("year", y);
        model.addAttribute("quarter", q);
        model.addAttribute("months", all.stream().filter(c -> c.kind() == ClearingKind.MONTH)
                .map(c -> row(c, user, centre)).toList());
        model.addAttribute("quarters", all.stream().filter(c -> c.kind() == ClearingKind.QUARTER)
                .map(c -> row(c, user, centre)).toList());
        List<MonthAction> actions = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            YearMonth m = YearMonth.from(from).plusMonths(i);
            List<Clearing> ofMonth = all.stream().filter(c -> c.kind() == ClearingKind.MONTH
                    && YearMonth.from(c.periodFrom()).equals(m)).toList();
            if (centre && ofMonth.isEmpty() && today.isAfter(m.atEndOfMonth())
                    && clearing.clearsFromDetails(provinceOf(user), m)) {
                actions.add(new MonthAction(m.getYear(), m.getMonthValue(), "clear", "确认 " + m + " 跨省清算"));
            } else if (centre && ofMonth.stream().anyMatch(c -> c.state() == ClearingState.CONFIRMED)) {
                actions.add(new MonthAction(m.getYear(), m.getMonthValue(), "submit", m + " 跨省清算提交省级财政部门"));
            } else if (provinceFinance && ofMonth.stream().anyMatch(c -> c.state() == ClearingState.SUBMITTED)) {
                actions.add(new MonthAction(m.getYear(), m.getMonthValue(), "pay", "完成 " + m + " 跨省清算资金划拨"));
            }
        }
        model.addAttribute("monthActions", actions);
        model.addAttribute("canIssue", centre && today.isAfter(to) && clearing.clearsFromDetails(provinceOf(user),
                YearMonth.from(from))
                && all.stream().noneMatch(c -> c.kind() == ClearingKind.QUARTER));
        LocalDate dueTo = to.plusMonths(3);
        model.addAttribute("obligations", quotas.obligations(from, dueTo, user.actor()).stream()
                .filter(o -> CLEARING_OBLIGATIONS.contains(o.kind())).map(o -> ObligationLine.of(o, today, registry))
                .toList());
        return "crossregion-clearing";
    }

    private Row row(Clearing c, MedfundUser user, boolean centre) {
        boolean cityClerk = registry.agencyOf(c.cityRegionCode()).map(Org::code)
                .filter(user.actor().orgCode()::equals).isPresent() && user.actor().has(Role.CLERK);
        String action = c.state() == ClearingState.ISSUED && cityClerk ? "confirm"
                : c.state() == ClearingState.CITY_CONFIRMED && centre ? "post" : null;
        String label = action == null ? null : action.equals("confirm") ? "确认并冲销预付金" : "冲销该市州预付金";
        List<Voucher> vouchers = new ArrayList<>();
        for (PostedEntry e : reports.entriesOfDocument("crossregion-clearing", c.id())) {
            String book = ledger.book(e.bookOrgCode()).map(b -> b.name()).orElse(e.bookOrgCode());
            vouchers.add(new Voucher(e.bookOrgCode(), e.sequenceNo(), book + " 第 " + e.sequenceNo() + " 号"));
        }
        String period = c.kind() == ClearingKind.MONTH ? YearMonth.from(c.periodFrom()).toString()
                : c.periodFrom() + " 至 " + c.periodTo();
        return new Row(c.id(), c.kind().label(), period, c.cityName(), c.direction().label(), c.counterpartName(),
                c.detailCount(), c.amount().toYuanText(), c.state().label(), citations.text(c.derivation().explain()),
                citations.text(c.derivation().citation()), vouchers, c.parts().stream().map(p -> p.regionName()
                        + "：跨省 " + p.crossProvince().toYuanText() + " 元，省内 " + p.inProvince().toYuanText() + " 元")
                .toList(), action, label);
    }

    @PostMapping("/crossregion/clearing/months/{year}/{month}/{step}")
    String monthStep(@AuthenticationPrincipal MedfundUser user, @PathVariable int year, @PathVariable int month,
                     @PathVariable String step) {
        LocalDate today = LocalDate.now(clock);
        switch (step) {
            case "clear" -> clearing.clearMonth(year, month, today, user.actor());
            case "submit" -> clearing.submitMonth(year, month, today, user.actor());
            case "pay" -> clearing.payMonth(year, month, today, user.actor());
            default -> throw Rejection.notFound("crossregion.step-unknown", "step", "没有这个办理步骤");
        }
        return "redirect:/crossregion/clearing?year=" + year + "&quarter=" + ((month - 1) / 3 + 1);
    }

    @PostMapping("/crossregion/clearing/quarters/{year}/{quarter}")
    String issue(@AuthenticationPrincipal MedfundUser user, @PathVariable int year, @PathVariable int quarter) {
        if (year < 2017 || year > 2100 || quarter < 1 || quarter > 4) {
            throw new Rejection("crossregion.quarter-invalid", "quarter", "年度或季度无效");
        }
        String province = registry.requireOrg(user.actor().orgCode(), "orgCode").regionCode();
        clearing.issueQuarter(province, year, quarter, LocalDate.now(clock), user.actor());
        return "redirect:/crossregion/clearing?year=" + year + "&quarter=" + quarter;
    }

    @PostMapping("/crossregion/clearing/{id}/{step}")
    String step(@AuthenticationPrincipal MedfundUser user, @PathVariable String id, @PathVariable String step) {
        LocalDate today = LocalDate.now(clock);
        Clearing c = switch (step) {
            case "confirm" -> clearing.confirmQuarter(id, today, user.actor());
            case "post" -> clearing.postQuarter(id, today, user.actor());
            default -> throw Rejection.notFound("crossregion.step-unknown", "step", "没有这个办理步骤");
        };
        return "redirect:/crossregion/clearing?year=" + c.periodFrom().getYear() + "&quarter="
                + ((c.periodFrom().getMonthValue() - 1) / 3 + 1);
    }

    @GetMapping("/crossregion/clearing.xlsx")
    ResponseEntity<byte[]> export(@AuthenticationPrincipal MedfundUser user, @RequestParam int year,
                                  @RequestParam int quarter) {
        LocalDate from = LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
        List<List<Object>> rows = new ArrayList<>();
        for (Clearing c : clearing.clearings(from, from.plusMonths(3).minusDays(1), user.actor())) {
            rows.add(List.of(c.id(), c.kind().label(), c.periodFrom().toString(), c.periodTo().toString(),
                    c.cityName(), c.direction().label(), c.counterpartName(), c.detailCount(), c.amount().toYuan(),
                    c.state().label(), citations.text(c.derivation().explain())));
        }
        return XlsxExport.response(year + "年第" + quarter + "季度-异地就医费用清算.xlsx", "异地就医费用清算",
                List.of("编号", "清算", "起始日期", "截止日期", "市（州）", "收付", "对方", "明细条数", "金额（元）", "状态",
                        "计算依据"), rows);
    }

    @GetMapping("/crossregion/clearing/{id}/detail.xlsx")
    ResponseEntity<byte[]> detailXlsx(@AuthenticationPrincipal MedfundUser user, @PathVariable String id) {
        ClearingNotices.ClearingNotice n = notices.detail(user.actor(), id);
        List<List<Object>> rows = new ArrayList<>();
        for (CrossRegionClearing.Part p : n.parts()) {
            rows.add(List.of(p.regionName(), p.crossProvince().toYuan(), p.inProvince().toYuan(), p.total().toYuan()));
        }
        rows.add(List.of("合计", "", "", n.total().toYuan()));
        return XlsxExport.response(n.title() + "-" + n.clearing().cityName() + "-" + n.clearing().periodFrom() + ".xlsx",
                "清算明细", List.of("参保地", "跨省异地就医（元）", "省内异地就医（元）", "合计（元）"), rows);
    }

    @GetMapping(value = "/crossregion/clearing/{id}/notice", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<byte[]> noticePage(@AuthenticationPrincipal MedfundUser user, @PathVariable String id) {
        return html(notices.noticeHtml(user.actor(), id));
    }

    @GetMapping(value = "/crossregion/clearing/{id}/detail", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<byte[]> detailPage(@AuthenticationPrincipal MedfundUser user, @PathVariable String id) {
        return html(notices.detailHtml(user.actor(), id));
    }

    @GetMapping("/crossregion/clearing/{id}/notice.pdf")
    ResponseEntity<byte[]> noticePdf(@AuthenticationPrincipal MedfundUser user, @PathVariable String id) {
        return pdf(notices.noticePdf(user.actor(), id));
    }

    @GetMapping("/crossregion/clearing/{id}/detail.pdf")
    ResponseEntity<byte[]> detailPdf(@AuthenticationPrincipal MedfundUser user, @PathVariable String id) {
        return pdf(notices.detailPdf(user.actor(), id));
    }

    private static ResponseEntity<byte[]> html(String html) {
        return ResponseEntity.ok().contentType(new MediaType("text", "html", StandardCharsets.UTF_8))
                .body(html.getBytes(StandardCharsets.UTF_8));
    }

    private static ResponseEntity<byte[]> pdf(Notice notice) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + notice.fileName() + "\"")
                .body(notice.pdf());
    }

    private String provinceOf(MedfundUser user) {
        return registry.org(user.actor().orgCode()).map(Org::regionCode).orElse("");
    }

    private boolean isCentreClerk(MedfundUser user) {
        return registry.org(user.actor().orgCode()).map(o -> o.kind() == OrgKind.SETTLEMENT_CENTRE).orElse(false)
                && user.actor().has(Role.CLERK);
    }

    private boolean isProvinceFinance(MedfundUser user) {
        return registry.org(user.actor().orgCode()).filter(o -> o.kind() == OrgKind.FINANCE)
                .flatMap(o -> registry.region(o.regionCode()))
                .map(r -> r.level() == org.medfund.registry.RegionLevel.PROVINCE).orElse(false)
                && user.actor().has(Role.FINANCE);
    }
}
