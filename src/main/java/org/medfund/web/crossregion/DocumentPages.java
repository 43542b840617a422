package org.medfund.web.crossregion;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.medfund.common.Rejection;
import org.medfund.crossregion.CrossRegionDocuments;
import org.medfund.crossregion.CrossRegionNotices;
import org.medfund.crossregion.NationalClearingTotal;
import org.medfund.crossregion.NationalFileKind;
import org.medfund.crossregion.NationalFileRejection;
import org.medfund.crossregion.NationalImport;
import org.medfund.crossregion.PrepaymentSheet;
import org.medfund.crossregion.PrepaymentReceiptNotice;
import org.medfund.crossregion.UsagePlan;
import org.medfund.ledger.LedgerReports;
import org.medfund.ledger.PostedEntry;
import org.medfund.notices.Notice;
import org.medfund.notices.XlsxExport;
import org.medfund.registry.Org;
import org.medfund.registry.OrgKind;
import org.medfund.registry.Region;
import org.medfund.registry.Registry;
import org.medfund.registry.Role;
import org.medfund.web.MedfundUser;
import org.medfund.web.PageRefusal;
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
import org.springframework.web.multipart.MultipartFile;

/**
 * 异地就医预付金单据 page (guizhou-2017 附件一 一、二、三(一)): the quarter's 预付金明细表 and each city's 预付金收款通知书
 * (printable page, xlsx, PDF), the in-province usage plan with the step whose turn it is (the centre generates and
 * confirms the arrival, province finance transfers), the national platform's files with the centre's upload form and
 * province finance's settle button, and the clearing detail's totals per city for the quarter's months.
 */
@Controller
class DocumentPages {

    private final CrossRegionDocuments documents;
    private final OwnDocumentViews views;
    private final CrossRegionNotices notices;
    private final Registry registry;
    private final LedgerReports ledger;
    private final Clock clock;

    DocumentPages(CrossRegionDocuments documents, OwnDocumentViews views, CrossRegionNotices notices,
                  Registry registry, LedgerReports ledger, Clock clock) {
        this.documents = documents;
        this.views = views;
        this.notices = notices;
        this.registry = registry;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** The national files' columns by name, for the error table (the column itself is shown beside it as a code). */
    static final Map<String, String> COLUMN_NAMES = Map.ofEntries(Map.entry("header", "表头"),
            Map.entry("line", "整行"), Map.entry("year", "年度"), Map.entry("notice_no", "通知书编号"),
            Map.entry("province_code", "对方省份编码"), Map.entry("province_name", "对方省份名称"),
            Map.entry("pay_amount", "本省应付金额"), Map.entry("receive_amount", "本省应收金额"),
            Map.entry("trt_year", "清分年度"), Map.entry("trt_month", "清分月份"), Map.entry("seqno", "序号"),
            Map.entry("mdtrtarea_admvs", "就医地区划"), Map.entry("insuplc_admdvs", "参保地区划"),
            Map.entry("medins_no", "定点医疗机构编号"), Map.entry("certno", "证件号码"), Map.entry("mdtrt_id", "就诊编号"),
            Map.entry("mdtrt_setl_time", "结算时间"), Map.entry("setl_sn", "结算流水号"),
            Map.entry("fulamt_advpay_flag", "全额垫付标志"), Map.entry("medfee_sumamt", "医疗费总额"),
            Map.entry("optins_pay_sumamt", "基金支付总额"));

    /** One bad line of a refused file as the page shows it. */
    record LineErrorRow(int line, String column, String code, String message) {
    }

    /** A city of the sheet with the notice it gets. */
    record CityRow(String code, String name) {
    }

    @GetMapping("/crossregion/documents")
    String page(@AuthenticationPrincipal MedfundUser user, @RequestParam(required = false) Integer year,
                @RequestParam(required = false) Integer quarter, Model model) {
        fill(user, year, quarter, model);
        return "crossregion-documents";
    }

    private void fill(MedfundUser user, Integer year, Integer quarter, Model model) {
        LocalDate today = LocalDate.now(clock);
        int y = year == null ? today.getYear() : year;
        int q = quarter == null ? (today.getMonthValue() - 1) / 3 + 1 : quarter;
        Region province = province(user);
        model.addAttribute("year", y);
        model.addAttribute("quarter", q);
        model.addAttribute("today", today);
        model.addAttribute("province", province);
        PrepaymentSheet sheet = null;
        String sheetRefused = null;
        try {
            sheet = documents.prepaymentSheet(province.code(), y, q, user.actor());
        } catch (Rejection refused) {
            // A province without the prepayment regime (Henan funds cross-region care differently) has no sheet.
            sheetRefused = refused.code().equals("crossregion.no-funding-regime") ? province.name()
                    + "的政策未规定按季度核定的异地就医预付金，没有预付金明细表和收款通知书。" : refused.getMessage();
        }
        model.addAttribute("sheet", sheet);
        model.addAttribute("sheetRefused", sheetRefused);
        Map<String, CityRow> cities = new LinkedHashMap<>();
        if (sheet != null) {
            sheet.lines().forEach(l -> cities.putIfAbsent(l.cityRegionCode(), new CityRow(l.cityRegionCode(),
                    l.cityName())));
        }
        model.addAttribute("cities", cities.values());
        List<UsagePlan> plans = documents.usagePlans(y, q, user.actor());
        model.addAttribute("plans", plans);
        List<NationalImport> imports = documents.nationalImports(user.actor());
        model.addAttribute("imports", imports);
        // The vouchers each plan's transfer and each settled notice posted, in the books the user may see.
        Map<String, List<PostedEntry>> vouchers = new LinkedHashMap<>();
        plans.forEach(p -> vouchers.put(p.id(), visible(user, ledger.entriesOfDocument("crossregion-usage-plan",
                p.id()))));
        imports.forEach(i -> vouchers.put("CRN-" + i.id(), visible(user, ledger.entriesOfDocument(
                "crossregion-national", "CRN-" + i.id()))));
        model.addAttribute("vouchers", vouchers);
        Org own = registry.requireOrg(user.actor().orgCode(), "orgCode");
        boolean centre = own.kind() == OrgKind.SETTLEMENT_CENTRE && user.actor().has(Role.CLERK);
        boolean finance = own.kind() == OrgKind.FINANCE && own.regionCode().equals(province.code())
                && user.actor().has(Role.FINANCE);
        model.addAttribute("centre", centre);
        model.addAttribute("finance", finance);
        model.addAttribute("kinds", NationalFileKind.values());
        List<NationalClearingTotal> totals = new ArrayList<>();
        YearMonth first = YearMonth.of(y, (q - 1) * 3 + 1);
        for (int m = 0; m < 3; m++) {
            totals.addAll(documents.nationalClearingTotals(first.plusMonths(m), user.actor()));
        }
        model.addAttribute("totals", totals);
    }

    // --- 预付金明细表 ---

    @GetMapping("/crossregion/documents/prepayment-sheet")
    ResponseEntity<String> sheetPage(@AuthenticationPrincipal MedfundUser user, @RequestParam String province,
                                     @RequestParam int year, @RequestParam int quarter) {
        return html(notices.prepaymentSheetHtml(user.actor(), province, year, quarter));
    }

    @GetMapping("/crossregion/documents/prepayment-sheet.pdf")
    ResponseEntity<byte[]> sheetPdf(@AuthenticationPrincipal MedfundUser user, @RequestParam String province,
                                    @RequestParam int year, @RequestParam int quarter) {
        return pdf(notices.prepaymentSheetPdf(user.actor(), province, year, quarter));
    }

    @GetMapping("/crossregion/documents/prepayment-sheet.xlsx")
    ResponseEntity<byte[]> sheetXlsx(@AuthenticationPrincipal MedfundUser user, @RequestParam String province,
                                     @RequestParam int year, @RequestParam int quarter) {
        OwnDocumentViews.SheetView view = views.sheet(province, year, quarter, user.actor());
        PrepaymentSheet sheet = view.sheet();
        List<List<Object>> rows = new ArrayList<>();
        for (PrepaymentSheet.SheetLine l : sheet.lines()) {
            rows.add(List.of(l.cityName(), l.scope().label(), l.kind().label(), l.level().toYuan(),
                    l.amount().toYuan(), l.remitDue().toString(), l.state().label(), l.formula()));
        }
        rows.add(List.of("合计", "", "", view.totalLevel().toYuan(), view.totalAmount().toYuan(), "", "",
                "应上解合计（大写）：" + view.totalAmountCapital()));
        rows.add(List.of("依据", sheet.basis(), "", "", "", "发布截止 " + sheet.issueDue(), "", sheet.issuerName()));
        return XlsxExport.response(year + "年第" + quarter + "季度-" + sheet.provinceName() + "异地就医费用预付金明细表.xlsx",
                "预付金明细表", List.of("市（州）", "类别", "方式", "本季度预付金额度（元）", "应上解金额（元）", "上解截止日期",
                        "状态", "核定方法"), rows);
    }

    // --- 预付金收款通知书 ---

    @GetMapping("/crossregion/documents/remittance-notice")
    ResponseEntity<String> noticePage(@AuthenticationPrincipal MedfundUser user, @RequestParam String city,
                                      @RequestParam int year, @RequestParam int quarter) {
        return html(notices.remittanceNoticeHtml(user.actor(), city, year, quarter));
    }

    @GetMapping("/crossregion/documents/remittance-notice.pdf")
    ResponseEntity<byte[]> noticePdf(@AuthenticationPrincipal MedfundUser user, @RequestParam String city,
                                     @RequestParam int year, @RequestParam int quarter) {
        return pdf(notices.remittanceNoticePdf(user.actor(), city, year, quarter));
    }

    @GetMapping("/crossregion/documents/remittance-notice.xlsx")
    ResponseEntity<byte[]> noticeXlsx(@AuthenticationPrincipal MedfundUser user, @RequestParam String city,
                                      @RequestParam int year, @RequestParam int quarter) {
        OwnDocumentViews.NoticeView view = views.notice(city, year, quarter, user.actor());
        PrepaymentReceiptNotice n = view.notice();
        List<List<Object>> rows = new ArrayList<>();
        for (PrepaymentSheet.SheetLine l : n.lines()) {
            rows.add(List.of(l.scope().label(), l.kind().label(), l.level().toYuan(), l.amount().toYuan(),
                    l.remitDue().toString()));
        }
        rows.add(List.of("应上解合计", "", "", view.total().toYuan(), "大写：" + view.totalCapital()));
        rows.add(List.of("确认并提交财政截止", n.confirmDue().toString(), "", "", ""));
        rows.add(List.of("收款账户开户名称", n.account().accountName(), "", "", ""));
        rows.add(List.of("收款账户账号", n.account().accountNo(), "", "", ""));
        rows.add(List.of("收款账户开户银行", n.account().bankName(), "", "", ""));
        rows.add(List.of("依据", n.basis(), "", "", n.accountSource()));
        return XlsxExport.response(n.number() + "-" + n.cityName() + "预付金收款通知书.xlsx", "预付金收款通知书",
                List.of("类别", "方式", "本季度预付金额度（元）", "应上解金额（元）", "上解截止日期"), rows);
    }

    // --- 省内异地就医预付金用款计划 ---

    @PostMapping("/crossregion/documents/usage-plans")
    String generate(@AuthenticationPrincipal MedfundUser user, @RequestParam int year, @RequestParam int quarter) {
        documents.generateUsagePlan(province(user).code(), year, quarter, LocalDate.now(clock), user.actor());
        return "redirect:/crossregion/documents?year=" + year + "&quarter=" + quarter;
    }

    @PostMapping("/crossregion/documents/usage-plans/{id}/{step}")
    String planStep(@AuthenticationPrincipal MedfundUser user, @PathVariable String id, @PathVariable String step) {
        LocalDate today = LocalDate.now(clock);
        UsagePlan plan = switch (step) {
            case "transfer" -> documents.transferUsagePlan(id, today, user.actor());
            case "receive" -> documents.receiveUsagePlan(id, today, user.actor());
            default -> throw Rejection.notFound("crossregion.step-unknown", "step", "没有这个办理步骤");
        };
        return "redirect:/crossregion/documents?year=" + plan.year() + "&quarter=" + plan.quarter();
    }

    @GetMapping("/crossregion/documents/usage-plans/{id}")
    ResponseEntity<String> planPage(@AuthenticationPrincipal MedfundUser user, @PathVariable String id) {
        return html(notices.usagePlanHtml(user.actor(), id));
    }

    @GetMapping("/crossregion/documents/usage-plans/{id}.pdf")
    ResponseEntity<byte[]> planPdf(@AuthenticationPrincipal MedfundUser user, @PathVariable String id) {
        return pdf(notices.usagePlanPdf(user.actor(), id));
    }

    @GetMapping("/crossregion/documents/usage-plans/{id}.xlsx")
    ResponseEntity<byte[]> planXlsx(@AuthenticationPrincipal MedfundUser user, @PathVariable String id) {
        UsagePlan p = documents.usagePlan(id, user.actor());
        List<List<Object>> rows = new ArrayList<>();
        for (UsagePlan.PlanLine l : p.lines()) {
            rows.add(List.of(l.name(), l.amount().toYuan(), l.source()));
        }
        rows.add(List.of("合计", p.total().toYuan(), "大写：" + p.total().toChineseCapital()));
        rows.add(List.of("生成截止", p.planDue().toString(), "划转截止 " + p.transferDue()));
        rows.add(List.of("状态", p.state().label(), p.derivation().formula()));
        return XlsxExport.response(p.id() + "-省内异地就医预付金用款计划.xlsx", "用款计划",
                List.of("项目", "金额（元）", "数据来源"), rows);
    }

    // --- national files ---

    @PostMapping("/crossregion/documents/national-imports")
    String upload(@AuthenticationPrincipal MedfundUser user, @RequestParam(required = false) String kind,
                  @RequestParam(name = "file", required = false) MultipartFile file,
                  @RequestParam(required = false) Integer year, @RequestParam(required = false) Integer quarter,
                  Model model, HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            if (file == null || file.isEmpty()) {
                throw new Rejection("crossregion.national-file-empty", "file", "请选择国家平台下载的文件");
            }
            NationalImport.Outcome outcome = documents.importNational(DocumentApi.kind(kind),
                    file.getOriginalFilename(), file.getBytes(), LocalDate.now(clock), user.actor());
            model.addAttribute("imported", outcome);
        } catch (NationalFileRejection rejected) {
            PageRefusal.mark(request, response, rejected);
            model.addAttribute("refusedText", DocumentApi.kind(kind).label() + "有 " + rejected.errors().size()
                    + " 处错误，未导入任何记录，请更正后重新导入：");
            model.addAttribute("lineErrors", rejected.errors().stream().map(e -> new LineErrorRow(e.line(),
                    COLUMN_NAMES.getOrDefault(e.field(), "其他"), e.field(), e.message())).toList());
        } catch (Rejection refused) {
            PageRefusal.mark(request, response, refused);
            model.addAttribute("refusedText", refused.getMessage());
        }
        fill(user, year, quarter, model);
        return "crossregion-documents";
    }

    @PostMapping("/crossregion/documents/national-imports/{id}/settle")
    String settle(@AuthenticationPrincipal MedfundUser user, @PathVariable long id) {
        documents.settleNationalNotice(id, LocalDate.now(clock), user.actor());
        return "redirect:/crossregion/documents";
    }

    private List<PostedEntry> visible(MedfundUser user, List<PostedEntry> entries) {
        return entries.stream().filter(e -> registry.canSeeOrg(user.actor(), e.bookOrgCode())).toList();
    }

    /** The user's province: the top of its organisation's region lineage. */
    private Region province(MedfundUser user) {
        Org own = registry.requireOrg(user.actor().orgCode(), "orgCode");
        List<Region> lineage = registry.lineage(own.regionCode());
        return lineage.get(lineage.size() - 1);
    }

    private static ResponseEntity<String> html(String html) {
        return ResponseEntity.ok().contentType(new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8))
                .body(html);
    }

    private static ResponseEntity<byte[]> pdf(Notice notice) {
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=" + notice.fileName())
                .contentType(MediaType.APPLICATION_PDF).body(notice.pdf());
    }
}
