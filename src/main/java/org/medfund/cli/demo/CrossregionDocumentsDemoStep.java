package org.medfund.cli.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import org.medfund.common.Money;
import org.medfund.crossregion.CrossRegionDocuments;
import org.medfund.crossregion.CrossRegionQuotas;
import org.medfund.crossregion.NationalFileKind;
import org.medfund.crossregion.NationalImport;
import org.medfund.crossregion.PrepaymentSheet;
import org.medfund.crossregion.Quota;
import org.medfund.crossregion.QuotaRequest;
import org.medfund.crossregion.QuotaScope;
import org.medfund.crossregion.PrepaymentReceiptNotice;
import org.medfund.crossregion.UsagePlan;
import org.medfund.registry.Actor;
import org.springframework.stereotype.Component;

/**
 * Demo step 740: the Guizhou quarter's documents (guizhou-2017 附件一 一、二) — 贵阳市's in-province quota for 2026 Q1
 * remitted and received, the quarter's 预付金明细表 and 贵阳市's 预付金收款通知书 to the provincial special account,
 * the national clearing detail of December 2025 and the first 跨省预付金收款通知书 of 2026 imported from the files
 * shipped under {@code demo/} (the notice settled by province finance), and the in-province usage plan generated and
 * transferred to the centre. Demo figures. Idempotent: the quota, the imports (same file) and the plan's steps on
 * their fixed days answer the first run.
 */
@Component
class CrossregionDocumentsDemoStep implements DemoStep {

    static final String CLEARING_FILE = "demo/national-clearing-2025-12.csv";
    static final String NOTICE_FILE = "demo/national-first-notice-2026.csv";

    private final CrossRegionQuotas quotas;
    private final CrossRegionDocuments documents;

    CrossregionDocumentsDemoStep(CrossRegionQuotas quotas, CrossRegionDocuments documents) {
        this.quotas = quotas;
        this.documents = documents;
    }

    @Override
    public int order() {
        return 740;
    }

    @Override
    public String title() {
        return "贵州异地就医预付金单据与国家平台文件（guizhou-2017 附件一）";
    }

    @Override
    public void run(PrintWriter out) {
        Actor centre = Actor.system("520000-CENTRE");
        Quota inProvince = quotas.size(new QuotaRequest("520100", 2026, 1, QuotaScope.IN_PROVINCE,
                Money.ofYuan("3600.00"), LocalDate.of(2026, 1, 12)), centre);
        quotas.confirm(inProvince.id(), LocalDate.of(2026, 1, 16), Actor.system("520100-AGENCY"));
        quotas.review(inProvince.id(), LocalDate.of(2026, 1, 16), Actor.system("520100-FINANCE"));
        quotas.remit(inProvince.id(), LocalDate.of(2026, 1, 16), Actor.system("520100-FINANCE"));
        quotas.receive(inProvince.id(), LocalDate.of(2026, 1, 20), centre);
        PrepaymentSheet sheet = documents.prepaymentSheet("520000", 2026, 1, centre);
        out.println(sheet.provinceName() + "异地就医费用预付金明细表 2026 年第 1 季度：" + sheet.lines().size()
                + " 项，应上解合计 " + sheet.totalAmount().toYuanText() + " 元（" + sheet.basis() + "）");
        PrepaymentReceiptNotice notice = documents.remittanceNotice("520100", 2026, 1, centre);
        out.println("预付金收款通知书 " + notice.number() + "：" + notice.cityName() + " 应上解 " + notice.total()
                .toYuanText() + " 元（大写：" + notice.total().toChineseCapital() + "），" + notice.remitDue()
                + " 前上解至 " + notice.account().accountName() + " " + notice.account().accountNo() + " "
                + notice.account().bankName());
        NationalImport clearing = load(out, NationalFileKind.CLEARING_DETAIL, CLEARING_FILE,
                LocalDate.of(2026, 1, 8), centre);
        documents.nationalClearingTotals(java.time.YearMonth.parse(clearing.subject())).forEach(t -> out.println(
                "  " + t.month() + " " + t.cityName() + " " + t.direction().label() + " " + t.rows() + " 笔，基金支付 "
                        + t.fundPay().toYuanText() + " 元"));
        NationalImport first = load(out, NationalFileKind.FIRST_NOTICE, NOTICE_FILE, LocalDate.of(2026, 2, 9),
                centre);
        NationalImport settled = documents.settleNationalNotice(first.id(), LocalDate.of(2026, 2, 20),
                Actor.system("520000-FINANCE"));
        out.println("  贵州省财政厅 " + settled.settledOn() + " 完成相关省份预付金收付，净支付 "
                + settled.total().toYuanText() + " 元");
        UsagePlan plan = documents.generateUsagePlan("520000", 2026, 1, LocalDate.of(2026, 2, 3), centre);
        plan = documents.transferUsagePlan(plan.id(), LocalDate.of(2026, 2, 10), Actor.system("520000-FINANCE"));
        plan = documents.receiveUsagePlan(plan.id(), LocalDate.of(2026, 2, 12), centre);
        out.println("省内异地就医预付金用款计划 " + plan.id() + "：合计 " + plan.total().toYuanText() + " 元，"
                + plan.state().label() + "（应于 " + plan.planDue() + " 前生成、" + plan.transferDue() + " 前划转）");
        for (UsagePlan.PlanLine line : plan.lines()) {
            out.println("  " + line.name() + " " + line.amount().toYuanText() + " 元：" + line.source());
        }
        out.println("（查看：/crossregion/documents?year=2026&quarter=1）");
    }

    private NationalImport load(PrintWriter out, NationalFileKind kind, String resource, LocalDate date,
                                Actor centre) {
        NationalImport.Outcome outcome = documents.importNational(kind, resource.substring("demo/".length()),
                read(resource), date, centre);
        out.println((outcome.added() ? "已导入 " : "已导入过（未重复写入）") + kind.label() + " "
                + outcome.imported().subject() + "：" + outcome.imported().lineCount() + " 行");
        return outcome.imported();
    }

    static byte[] read(String resource) {
        try (InputStream in = CrossregionDocumentsDemoStep.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("demo file missing: " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
