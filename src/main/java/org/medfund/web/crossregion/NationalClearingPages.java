package org.medfund.web.crossregion;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.medfund.common.Money;
import org.medfund.common.Rejection;
import org.medfund.crossregion.CrossRegionQuotas;
import org.medfund.crossregion.NationalClearingLine;
import org.medfund.crossregion.NationalClearingNotices;
import org.medfund.crossregion.NationalClearingState;
import org.medfund.crossregion.NationalClearings;
import org.medfund.crossregion.NationalDirection;
import org.medfund.crossregion.ObligationKind;
import org.medfund.notices.Notice;
import org.medfund.notices.XlsxExport;
import org.medfund.policy.Citations;
import org.medfund.registry.Org;
import org.medfund.registry.OrgKind;
import org.medfund.registry.RegionLevel;
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
 * 全国跨省异地就医清算收付 page (guizhou-2017 附件一 三(一); henan-2023 四(一)): the month's lines per city, other
 * province, direction and insurance type with state, amounts (each with its derivation and vouchers), each city's
 * 收款, 付款 and net, the national schedule's obligations, the buttons for whoever's turn it is (the centre submits,
 * province finance pays, the treatment city confirms its money), the notices (printable page and PDF) and xlsx.
 */
@Controller
class NationalClearingPages {

    static final Set<ObligationKind> SCHEDULE = EnumSet.of(ObligationKind.MONTHLY_CLEARING_DOWNLOAD,
            ObligationKind.MONTHLY_CLEARING_TO_FINANCE, ObligationKind.MONTHLY_CLEARING_PAY);

    private final NationalClearings national;
    private final NationalClearingNotices notices;
    private final CrossRegionQuotas quotas;
    private final Registry registry;
    private final Citations citations;
    private final Clock clock;

    NationalClearingPages(NationalClearings national, NationalClearingNotices notices, CrossRegionQuotas quotas,
                          Registry registry, Citations citations, Clock clock) {
        this.national = national;
        this.notices = notices;
        this.quotas = quotas;
        this.registry = registry;
        this.citations = citations;
        this.clock = clock;
    }

    record Row(String id, String city, String direction, String counterpart, String insuranceType, int rows,
               String medicalFee, String fundPay, String state, String derivation, String citation,
               List<NationalClearingNotices.Voucher> vouchers, boolean canReceive) {
    }

    record CityTotal(String cityCode, String city, String received, String paid, String net, boolean hasReceipt,
                     boolean hasPayment) {
    }


    @GetMapping("/crossregion/national/clearing")
    String page(@AuthenticationPrincipal MedfundUser user, @RequestParam(required = false) String month,
                Model model) {
        LocalDate today = LocalDate.now(clock);
        YearMonth m = month == null || month.isBlank() ? YearMonth.from(today).minusMonths(1)
                : NationalClearingApi.month(month);
        List<NationalClearingLine> lines = national.lines(m, user.actor());
        model.addAttribute("month", m.toString());
        model.addAttribute("rows", lines.stream().map(l -> row(l, user)).toList());
        model.addAttribute("cities", cityTotals(lines));
        model.addAttribute("canSubmit", isCentreClerk(user) && lines.isEmpty() && today.isAfter(m.atEndOfMonth()));
        model.addAttribute("canPay", isProvinceFinance(user)
                && lines.stream().anyMatch(l -> l.state() == NationalClearingState.SUBMITTED));
        LocalDate from = m.plusMonths(1).atDay(1);
        model.addAttribute("obligations", quotas.obligations(from, from.plusMonths(2), user.actor()).stream()
                .filter(o -> SCHEDULE.contains(o.kind()) && o.period().equals(m.plusMonths(1)))
                .map(o -> ObligationLine.of(o, today, registry)).toList());
        return "crossregion-national-clearing";
    }

    private Row row(NationalClearingLine l, MedfundUser user) {
        boolean cityClerk = registry.agencyOf(l.cityRegionCode()).map(Org::code)
                .filter(user.actor().orgCode()::equals).isPresent() && user.actor().has(Role.CLERK);
        return new Row(l.id(), l.cityName(), l.direction() == NationalDirection.INBOUND ? "收款" : "付款",
                l.counterpartName(), l.insuranceTypeName().isEmpty() ? "—" : l.insuranceTypeName(), l.rows(),
                l.medicalFee().toYuanText(), l.fundPay().toYuanText(), l.state().label(),
                citations.text(l.derivation().explain()), citations.text(l.derivation().citation()),
                notices.vouchers(l), cityClerk && l.state() == NationalClearingState.IN_TRANSIT);
    }

    private static List<CityTotal> cityTotals(List<NationalClearingLine> lines) {
        Map<String, List<NationalClearingLine>> byCity = new LinkedHashMap<>();
        lines.forEach(l -> byCity.computeIfAbsent(l.cityRegionCode(), k -> new ArrayList<>()).add(l));
        List<CityTotal> totals = new ArrayList<>();
        byCity.forEach((code, ofCity) -> {
            Money in = sum(ofCity, NationalDirection.INBOUND);
            Money out = sum(ofCity, NationalDirection.OUTBOUND);
            totals.add(new CityTotal(code, ofCity.get(0).cityName(), in.toYuanText(), out.toYuanText(),
                    in.minus(out).toYuanText(), ofCity.stream().anyMatch(l -> l.direction() == NationalDirection.INBOUND),
                    ofCity.stream().anyMatch(l -> l.direction() == NationalDirection.OUTBOUND)));
        });
        return totals;
    }

    private static Money sum(List<NationalClearingLine> lines, NationalDirection direction) {
        return lines.stream().filter(l -> l.direction() == direction).map(NationalClearingLine::fundPay)
                .reduce(Money.ZERO, Money::plus);
    }

    @PostMapping("/crossregion/national/clearing/{month}/{step}")
    String monthStep(@AuthenticationPrincipal MedfundUser user, @PathVariable String month,
                     @PathVariable String step) {
        YearMonth m = NationalClearingApi.month(month);
        LocalDate today = LocalDate.now(clock);
        switch (step) {
            case "submit" -> national.submit(m, today, user.actor());
            case "pay" -> national.pay(m, today, user.actor());
            default -> throw Rejection.notFound("crossregion.step-unknown", "step", "没有这个办理步骤");
        }
        return "redirect:/crossregion/national/clearing?month=" + m;
    }

    @PostMapping("/crossregion/national/clearing/lines/{id}/receipt")
    String receive(@AuthenticationPrincipal MedfundUser user, @PathVariable String id) {
        NationalClearingLine l = national.receive(id, LocalDate.now(clock), user.actor());
        return "redirect:/crossregion/national/clearing?month=" + l.month();
    }

    @GetMapping("/crossregion/national/clearing.xlsx")
    ResponseEntity<byte[]> export(@AuthenticationPrincipal MedfundUser user, @RequestParam String month) {
        YearMonth m = NationalClearingApi.month(month);
        List<List<Object>> rows = new ArrayList<>();
        for (NationalClearingLine l : national.lines(m, user.actor())) {
            rows.add(List.of(l.id(), l.month().toString(), l.cityName(),
                    l.direction() == NationalDirection.INBOUND ? "收款" : "付款", l.counterpartName(),
                    l.insuranceTypeName(), l.rows(), l.medicalFee().toYuan(), l.fundPay().toYuan(), l.state().label(),
                    citations.text(l.derivation().explain())));
        }
        return XlsxExport.response(m + "-全国跨省异地就医清算收付.xlsx", "跨省清算收付",
                List.of("编号", "清算月份", "市（州）", "收付", "对方省份", "险种", "明细条数", "医疗费总额（元）",
                        "基金支付（元）", "状态", "计算依据"), rows);
    }

    @GetMapping(value = "/crossregion/national/clearing/notice", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<byte[]> noticePage(@AuthenticationPrincipal MedfundUser user, @RequestParam String month,
                                      @RequestParam String city, @RequestParam String direction) {
        String html = notices.html(user.actor(), NationalClearingApi.month(month), city, direction(direction));
        return ResponseEntity.ok().contentType(new MediaType("text", "html", StandardCharsets.UTF_8))
                .body(html.getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping("/crossregion/national/clearing/notice.pdf")
    ResponseEntity<byte[]> noticePdf(@AuthenticationPrincipal MedfundUser user, @RequestParam String month,
                                     @RequestParam String city, @RequestParam String direction) {
        Notice notice = notices.pdf(user.actor(), NationalClearingApi.month(month), city, direction(direction));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + notice.fileName() + "\"")
                .body(notice.pdf());
    }

    private static NationalDirection direction(String text) {
        for (NationalDirection d : NationalDirection.values()) {
            if (d.name().equals(text)) {
                return d;
            }
        }
        throw new Rejection("crossregion.direction-invalid", "direction", "收付方向应为 INBOUND（收款）或 OUTBOUND（付款）");
    }

    private boolean isCentreClerk(MedfundUser user) {
        return registry.org(user.actor().orgCode()).map(o -> o.kind() == OrgKind.SETTLEMENT_CENTRE).orElse(false)
                && user.actor().has(Role.CLERK);
    }

    private boolean isProvinceFinance(MedfundUser user) {
        return registry.org(user.actor().orgCode()).filter(o -> o.kind() == OrgKind.FINANCE)
                .flatMap(o -> registry.region(o.regionCode())).map(r -> r.level() == RegionLevel.PROVINCE)
                .orElse(false) && user.actor().has(Role.FINANCE);
    }
}
