package org.medfund.web.crossregion;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.medfund.common.Money;
import org.medfund.crossregion.AdvanceRecoveryKind;
import org.medfund.crossregion.MonthlyClearing.Advance;
import org.medfund.crossregion.MonthlyClearing.AdvanceRecovery;
import org.medfund.crossregion.MonthlyClearing.HospitalLine;
import org.medfund.crossregion.MonthlyClearing.Leg;
import org.medfund.crossregion.MonthlyClearing.PairLine;
import org.medfund.crossregion.MonthlyClearing.PlanNotice;
import org.medfund.crossregion.MonthlyClearing.RegionLine;
import org.medfund.crossregion.MonthlyClearing.ReportLine;
import org.medfund.ledger.LedgerReports;
import org.medfund.ledger.PostedEntry;
import org.medfund.notices.Notice;
import org.medfund.notices.NoticePrinter;
import org.medfund.notices.XlsxExport;
import org.medfund.policy.Citations;
import org.medfund.registry.Registry;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The monthly clearing's documents (henan-2023 三(二), 四(二)): a region's 收付款通知书 as the printable page, PDF and
 * xlsx (names, amounts with 大写, the document number and article), and the centre's monthly report of dispatch and
 * use to province finance as xlsx. One view of the notice feeds all three, so they cannot disagree.
 */
@Component
class MonthlyClearingDocuments {

    static final String TEMPLATE = "monthly-clearing-notice";
    static final List<String> REPORT_HEADER = List.of("统筹区", "险种", "应付（本地参保人员异地就医）（元）",
            "省财政拨付省医保中心日期", "到账日期", "应收（本地定点医药机构）（元）", "省医保中心拨付日期", "到账日期",
            "已拨付定点医药机构（元）", "抵扣垫付资金（元）", "垫付待追回（元）", "依据");

    private final NoticePrinter printer;
    private final Citations citations;
    private final Registry registry;
    private final Clock clock;
    private final LedgerReports reports;

    MonthlyClearingDocuments(NoticePrinter printer, Citations citations, Registry registry, Clock clock,
                             LedgerReports reports) {
        this.printer = printer;
        this.citations = citations;
        this.registry = registry;
        this.clock = clock;
        this.reports = reports;
    }

    record TypeLine(String insuranceType, Money receive, Money owe, Money net, String funding, String disbursement) {
    }

    /**
     * A hospital line as the notice and the page print it: the gross plan, the advances deducted (which month's, with
     * their vouchers) and the net paid; a negative line's advance with what came back and what is left.
     */
    record Receipt(String hospitalName, String hospitalCode, String insuranceType, Money amount, long rows,
                   String state, Money offset, Money net, List<AdvanceView> advances) {
    }

    /** One line of a hospital's advance story (henan-2023 三(三)) and the vouchers that posted it. */
    record AdvanceView(String text, List<PostedEntry> vouchers) {
    }

    record Payment(String treatmentRegion, String insuranceType, Money amount, long rows) {
    }

    /** The notice as every surface shows it. */
    record NoticeView(String number, String regionName, String regionCode, YearMonth period, LocalDate generatedOn,
                      List<TypeLine> lines, List<Receipt> receipts, List<Payment> payments, Money net,
                      String citation, String confirmedOn, LocalDate printedOn) {

        public String netText() {
            return (net.isNegative() ? "应付净额 " : "应收净额 ") + net.abs().toYuanText() + " 元（大写：" + net.abs()
                    .toChineseCapital() + "）";
        }
    }

    NoticeView view(PlanNotice n) {
        List<TypeLine> lines = new ArrayList<>();
        for (RegionLine l : n.lines()) {
            lines.add(new TypeLine(type(l.insuranceType()), l.receive(), l.owe(), l.net(),
                    leg(l.funding(), "省财政厅拨付省医保中心"), leg(l.disbursement(), "省医保中心拨付本统筹区")));
        }
        // The notice goes to the region's staff, who keep the region agency's book: every voucher is theirs to open.
        List<Receipt> receipts = n.receipts().stream().map(h -> receipt(h, e -> true)).toList();
        List<Payment> payments = n.payments().stream().map((PairLine p) -> new Payment(p.treatmentRegionName(),
                type(p.insuranceType()), p.amount(), p.rows())).toList();
        return new NoticeView("SFK-" + n.period() + "-" + n.regionCode(), n.regionName(), n.regionCode(), n.period(),
                n.generatedOn(), lines, receipts, payments, n.net(), citations.text(n.citation()),
                n.confirmedOn() == null ? "未确认" : n.confirmedOn() + " 已核对并报同级财政部门", LocalDate.now(clock));
    }

    /** The line as printed, with the vouchers of the books {@code visible} lets the reader open. */
    Receipt receipt(HospitalLine h, Predicate<PostedEntry> visible) {
        return new Receipt(h.hospitalName(), h.hospitalCode(), type(h.insuranceType()), h.amount(), h.rows(),
                state(h), h.offset(), h.net(), advances(h, visible));
    }

    static String state(HospitalLine h) {
        return h.state().label() + (h.paidOn() == null ? "" : " " + h.paidOn())
                + (h.advance() != null && h.advance().recoveredOn() != null ? "，" + h.advance().recoveredOn()
                + " 追回" : "");
    }

    /** A positive line: each advance deducted. A negative one: the advance, each part recovered, what is left. */
    List<AdvanceView> advances(HospitalLine h, Predicate<PostedEntry> visible) {
        List<AdvanceView> views = new ArrayList<>();
        for (AdvanceRecovery o : h.offsets()) {
            views.add(new AdvanceView((o.posted() ? "已抵扣 " : "拟抵扣 ") + o.advancePeriod() + " 垫付资金 "
                    + o.amount().toYuanText() + " 元" + (o.posted() ? "（" + o.recoveredOn() + "）" : "（拨付时抵扣）"),
                    vouchers(o.requestId(), visible)));
        }
        if (h.advance() != null) {
            views.addAll(advances(h.advance(), visible));
        }
        return views;
    }

    List<AdvanceView> advances(Advance advance, Predicate<PostedEntry> visible) {
        List<AdvanceView> views = new ArrayList<>();
        views.add(new AdvanceView("垫付 " + advance.amount().toYuanText() + " 元（" + advance.advancedOn() + "）",
                vouchers(advance.requestId(), visible)));
        for (AdvanceRecovery r : advance.recoveries()) {
            views.add(new AdvanceView((r.kind() == AdvanceRecoveryKind.OFFSET ? r.offsetPeriod() + " 拨付计划抵扣 "
                    : r.kind().label() + " ") + r.amount().toYuanText() + " 元（" + r.recoveredOn() + "）",
                    vouchers(r.requestId(), visible)));
        }
        views.add(new AdvanceView("待追回 " + advance.outstanding().toYuanText() + " 元（大写："
                + advance.outstanding().toChineseCapital() + "）", List.of()));
        return views;
    }

    private List<PostedEntry> vouchers(String requestId, Predicate<PostedEntry> visible) {
        return requestId == null ? List.of() : reports.entriesOfRequest(requestId).stream().filter(visible).toList();
    }

    String html(PlanNotice notice) {
        return printer.html(TEMPLATE, Map.of("n", view(notice)));
    }

    ResponseEntity<byte[]> noticePdf(PlanNotice notice) {
        Notice pdf = printer.print(TEMPLATE, Map.of("n", view(notice)), "monthly-clearing-notice-" + notice.regionCode() + "-"
                + notice.period() + ".pdf");
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + pdf.fileName() + "\"")
                .body(pdf.pdf());
    }

    ResponseEntity<byte[]> noticeXlsx(PlanNotice notice) {
        NoticeView v = view(notice);
        List<List<Object>> rows = new ArrayList<>();
        for (TypeLine l : v.lines()) {
            rows.add(List.of("汇总", l.insuranceType(), "", l.receive().toYuan(), l.owe().toYuan(), l.net().toYuan(),
                    l.funding() + "；" + l.disbursement()));
        }
        for (Receipt r : v.receipts()) {
            StringBuilder note = new StringBuilder(r.rows() + " 笔；" + r.state());
            r.advances().forEach(a -> note.append("；").append(a.text()));
            if (r.offset().isPositive()) {
                note.append("；实拨 ").append(r.net().toYuanText()).append(" 元");
            }
            rows.add(List.of("应收", r.insuranceType(), r.hospitalName(), r.amount().toYuan(), "", "",
                    note.toString()));
        }
        for (Payment p : v.payments()) {
            rows.add(List.of("应付", p.insuranceType(), "就医地 " + p.treatmentRegion(), "", p.amount().toYuan(), "",
                    p.rows() + " 笔"));
        }
        rows.add(List.of("净额", "", v.netText(), "", "", v.net().toYuan(), v.citation()));
        return XlsxExport.response(v.period() + "-" + v.regionName() + "-异地就医费用收付款通知书.xlsx", "收付款通知书",
                List.of("项目", "险种", "定点医药机构／就医地", "应收（元）", "应付（元）", "净额（元）", "说明"), rows);
    }

    ResponseEntity<byte[]> reportXlsx(YearMonth period, List<ReportLine> lines) {
        List<List<Object>> rows = new ArrayList<>();
        String basis = citations.text("henan-2023 四(二)");
        for (ReportLine r : lines) {
            rows.add(List.of(r.regionName(), type(r.insuranceType()), r.owe().toYuan(),
                    r.funding() == null ? "" : String.valueOf(r.funding().sentOn()),
                    r.funding() == null || r.funding().receivedOn() == null ? "" : r.funding().receivedOn().toString(),
                    r.receive().toYuan(), r.disbursement() == null ? "" : String.valueOf(r.disbursement().sentOn()),
                    r.disbursement() == null || r.disbursement().receivedOn() == null ? ""
                            : r.disbursement().receivedOn().toString(),
                    r.hospitalsPaid().toYuan(), r.advancesOffset().toYuan(), r.advancesOpen().toYuan(), basis));
        }
        return XlsxExport.response(period + "-异地就医资金调度使用情况月报.xlsx", "调度使用情况", REPORT_HEADER, rows);
    }

    String type(String code) {
        return registry.insuranceType(code).map(t -> t.name()).orElse(code);
    }

    static String leg(Leg leg, String what) {
        if (leg == null) {
            return what + "：无";
        }
        return what + "：" + leg.sentOn() + " 拨付，" + (leg.receivedOn() == null ? "在途" : leg.receivedOn() + " 到账");
    }
}
