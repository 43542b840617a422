package org.medfund.web.crossregion;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.medfund.common.Rejection;
import org.medfund.crossregion.CrossRegionAnnualClearing;
import org.medfund.crossregion.CrossRegionAnnualClearing.CarryLine;
import org.medfund.crossregion.CrossRegionFunding;
import org.medfund.crossregion.CrossRegionFunding.LateRemitter;
import org.medfund.crossregion.CrossRegionFunding.RemittanceLine;
import org.medfund.crossregion.CrossRegionFunding.RemittanceNotice;
import org.medfund.notices.XlsxExport;
import org.medfund.policy.Citations;
import org.medfund.registry.Org;
import org.medfund.registry.Registry;
import org.medfund.registry.Role;
import org.medfund.web.MedfundUser;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The province centre's cross-region funding dashboard (henan-2023 "预留+清算"): per region the reserve's two pots
 * with use and balance, the quarter's employee remittances due, received and late, and this month's clearing steps
 * with due dates and status. A region's agency or finance sees its own rows and its confirmations; its finance
 * department confirms a released surplus of last year's clearing when it arrives. Names, Chinese
 * states and citations by document number and article; the late list is exported as xlsx.
 */
@Controller
class FundingPages {

    static final List<String> LATE_HEADER = List.of("年度", "季度", "统筹区", "应上解截止日", "上解日期", "逾期天数",
            "应上解金额（元）", "依据");

    private final CrossRegionFunding funding;
    private final CrossRegionAnnualClearing clearing;
    private final Registry registry;
    private final Citations citations;
    private final Clock clock;

    FundingPages(CrossRegionFunding funding, CrossRegionAnnualClearing clearing, Registry registry,
                 Citations citations, Clock clock) {
        this.funding = funding;
        this.registry = registry;
        this.clearing = clearing;
        this.citations = citations;
        this.clock = clock;
    }

    /** One region's line of a quarterly notice; the amounts as text: projected, last year's carry, to remit. */
    record NoticeRow(String quarter, String region, String monthlyAverage, NoticeAmounts amounts, String quota,
                     String due, String state, String remittedOn, String receivedOn, String derivation) {
    }

    /** The three months projected (一(三)), the annual clearing's carry (三(四), empty when none) and the net due. */
    record NoticeAmounts(String projected, String carry, String amount) {
    }

    /** A carry of an annual clearing into this year's allocations, with the clearing it comes from (三(四)). */
    record CarryRow(long id, String region, String type, String source, String sourceLink, String target,
                    String amount, String applied, String forwarded, String state, boolean canConfirm) {
    }

    private List<CarryRow> carryRows(int year, MedfundUser user) {
        return clearing.carries(year, user.actor()).stream().map(c -> new CarryRow(c.id(), c.source().regionName(),
                c.source().insuranceTypeName(), c.source().clearYear() + " 年度异地就医资金年度清算（"
                + citations.text(c.source().citation()) + "）", "/crossregion/funding?year="
                + (c.source().clearYear() + 1) + "#annual-clearing", c.target().label(), c.target().amount().toYuanText(),
                c.use().applied().toYuanText(), c.use().forwarded().toYuanText(), c.use().state().label()
                + (c.use().release() == null ? "" : c.use().release().receivedOn() == null ? "；退还统筹区（在途）"
                : "；退还统筹区，" + c.use().release().receivedOn() + " 到账"), awaitsReceipt(c, user))).toList();
    }

    /** A released surplus in transit to the region, and the user its finance department's (who confirms it). */
    private boolean awaitsReceipt(CarryLine carry, MedfundUser user) {
        return carry.use().release() != null && carry.use().release().receivedOn() == null
                && user.actor().has(Role.FINANCE) && registry.financeOf(carry.source().regionCode())
                .map(Org::code).filter(user.actor().orgCode()::equals).isPresent();
    }

    /** The region's finance department confirms the released surplus arrived, on the day its bank shows (三(四)). */
    @PostMapping("/crossregion/funding/carries/{id}/release/receipt")
    String releaseReceipt(@AuthenticationPrincipal MedfundUser user, @PathVariable long id,
                          @RequestParam LocalDate date) {
        CarryLine carry = clearing.confirmRelease(id, date, user.actor());
        return "redirect:/crossregion/funding?year=" + carry.target().period().getYear() + "#carries";
    }

    static List<List<Object>> lateRows(List<LateRemitter> late) {
        List<List<Object>> rows = new ArrayList<>();
        for (LateRemitter l : late) {
            rows.add(List.of(l.year(), "第" + l.quarter() + "季度", l.regionName(), l.dueDate().toString(),
                    l.remittedOn() == null ? "未上解" : l.remittedOn().toString(), l.daysLate(),
                    l.amount().toYuanText(), "豫财社〔2023〕178号 一(三)、四(二)"));
        }
        return rows;
    }

    @GetMapping("/crossregion/funding")
    String dashboard(@AuthenticationPrincipal MedfundUser user, @RequestParam(required = false) Integer year,
                     @RequestParam(required = false) YearMonth period, Model model) {
        LocalDate today = LocalDate.now(clock);
        int y = year == null ? today.getYear() : year;
        YearMonth month = period == null ? YearMonth.from(today) : period;
        model.addAttribute("year", y);
        model.addAttribute("period", month);
        model.addAttribute("today", today);
        try {
            model.addAttribute("reserve", funding.reserve(y, user.actor()).orElse(null));
            List<NoticeRow> rows = new ArrayList<>();
            for (RemittanceNotice n : funding.remittanceNotices(y, user.actor())) {
                for (RemittanceLine l : n.lines()) {
                    rows.add(new NoticeRow("第" + n.quarter() + "季度（" + n.dates().issuedOn() + " 下发"
                            + (n.dates().issuedLate() ? "，晚于 " + n.dates().noticeDueDate() : "") + "）",
                            l.regionName(), l.monthlyAverage().toYuanText(), new NoticeAmounts(
                                    l.projected().toYuanText(), l.carry().isZero() ? "" : l.carry().toYuanText(),
                                    l.amount().toYuanText()), l.quota().toYuanText(),
                            n.dates().remitDueDate() + (n.dates().provisional() ? "（暂定）" : ""),
                            l.state().label(), l.remitted() == null ? "" : String.valueOf(l.remitted().remittedOn()),
                            l.remitted() == null || l.remitted().receivedOn() == null ? ""
                                    : l.remitted().receivedOn().toString(), citations.text(l.derivation().explain())));
                }
            }
            model.addAttribute("notices", rows);
            model.addAttribute("carries", carryRows(y, user));
            model.addAttribute("late", funding.lateRemitters(today, user.actor()));
            model.addAttribute("steps", funding.clearingSteps(month, today, user.actor()));
            model.addAttribute("confirmations", funding.confirmations(month, user.actor()));
            model.addAttribute("problem", null);
        } catch (Rejection rejected) {
            model.addAttribute("reserve", null);
            model.addAttribute("notices", List.of());
            model.addAttribute("carries", List.of());
            model.addAttribute("late", List.of());
            model.addAttribute("steps", List.of());
            model.addAttribute("confirmations", List.of());
            model.addAttribute("problem", rejected.getMessage());
        }
        return "crossregion-funding";
    }

    @GetMapping("/crossregion/funding/late-remitters.xlsx")
    ResponseEntity<byte[]> lateXlsx(@AuthenticationPrincipal MedfundUser user) {
        LocalDate today = LocalDate.now(clock);
        return XlsxExport.response("上解不到位统筹区-" + today + ".xlsx", "上解不到位", LATE_HEADER,
                lateRows(funding.lateRemitters(today, user.actor())));
    }
}
