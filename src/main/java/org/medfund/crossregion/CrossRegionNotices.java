package org.medfund.crossregion;

import java.util.Map;
import org.medfund.notices.Notice;
import org.medfund.notices.NoticePrinter;
import org.medfund.policy.Citations;
import org.medfund.registry.Actor;
import org.springframework.stereotype.Service;

/**
 * The printable Guizhou prepayment documents (guizhou-2017 附件一 一(一)(二), 二(二)): 预付金明细表, 预付金收款通知书
 * and 省内异地就医预付金用款计划, each gathered through {@link CrossRegionDocuments} with the caller as actor (so scoped
 * like the page it is printed from) and laid out by {@link NoticePrinter}: as XHTML for the printable page and as PDF
 * with the CJK font for the signed paper copy. Amounts are in yuan, totals also in 大写.
 */
@Service
public class CrossRegionNotices {

    private final CrossRegionDocuments documents;
    private final NoticePrinter printer;
    private final Citations citations;

    CrossRegionNotices(CrossRegionDocuments documents, NoticePrinter printer, Citations citations) {
        this.documents = documents;
        this.printer = printer;
        this.citations = citations;
    }

    /** Which document, of which quarter and party: the template and its variables. */
    private record Printed(String template, Map<String, Object> variables, String fileName) {
    }

    public String prepaymentSheetHtml(Actor actor, String provinceCode, int year, int quarter) {
        Printed p = sheet(actor, provinceCode, year, quarter);
        return printer.html(p.template(), p.variables());
    }

    public Notice prepaymentSheetPdf(Actor actor, String provinceCode, int year, int quarter) {
        return print(sheet(actor, provinceCode, year, quarter));
    }

    public String remittanceNoticeHtml(Actor actor, String cityRegionCode, int year, int quarter) {
        Printed p = remittance(actor, cityRegionCode, year, quarter);
        return printer.html(p.template(), p.variables());
    }

    public Notice remittanceNoticePdf(Actor actor, String cityRegionCode, int year, int quarter) {
        return print(remittance(actor, cityRegionCode, year, quarter));
    }

    public String usagePlanHtml(Actor actor, String planId) {
        Printed p = plan(actor, planId);
        return printer.html(p.template(), p.variables());
    }

    public Notice usagePlanPdf(Actor actor, String planId) {
        return print(plan(actor, planId));
    }

    private Printed sheet(Actor actor, String provinceCode, int year, int quarter) {
        PrepaymentSheet sheet = documents.prepaymentSheet(provinceCode, year, quarter, actor);
        return new Printed("crossregion-prepayment-sheet", Map.of("n", sheet),
                "prepayment-sheet-" + provinceCode + "-" + year + "Q" + quarter + ".pdf");
    }

    private Printed remittance(Actor actor, String cityRegionCode, int year, int quarter) {
        PrepaymentReceiptNotice notice = documents.remittanceNotice(cityRegionCode, year, quarter, actor);
        return new Printed("crossregion-remittance-notice", Map.of("n", notice), notice.number() + ".pdf");
    }

    private Printed plan(Actor actor, String planId) {
        UsagePlan plan = documents.usagePlan(planId, actor);
        return new Printed("crossregion-usage-plan", Map.of("n", plan,
                "basis", citations.text(plan.derivation().citation())), plan.id() + ".pdf");
    }

    private Notice print(Printed p) {
        return printer.print(p.template(), p.variables(), p.fileName());
    }
}
