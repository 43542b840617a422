package org.medfund.web.crossregion;

import org.medfund.common.Money;
import org.medfund.crossregion.CrossRegionDocuments;
import org.medfund.crossregion.PrepaymentReceiptNotice;
import org.medfund.crossregion.PrepaymentSheet;
import org.medfund.registry.Actor;
import org.springframework.stereotype.Component;

/**
 * The quarter's 预付金明细表 and a city's 预付金收款通知书 (guizhou-2017 附件一 一(一)(二)) as the web layer shows them:
 * loaded once here with their totals and the total in 大写, for the API's JSON ({@link DocumentApi}) and the xlsx
 * exports ({@link DocumentPages}), so the two cannot disagree on what a document holds.
 */
@Component
class OwnDocumentViews {

    private final CrossRegionDocuments documents;

    OwnDocumentViews(CrossRegionDocuments documents) {
        this.documents = documents;
    }

    record SheetView(PrepaymentSheet sheet, Money totalLevel, Money totalAmount, String totalAmountCapital) {
    }

    record NoticeView(PrepaymentReceiptNotice notice, Money total, String totalCapital) {
    }

    SheetView sheet(String province, int year, int quarter, Actor actor) {
        PrepaymentSheet sheet = documents.prepaymentSheet(province, year, quarter, actor);
        return new SheetView(sheet, sheet.totalLevel(), sheet.totalAmount(), sheet.totalAmount().toChineseCapital());
    }

    NoticeView notice(String city, int year, int quarter, Actor actor) {
        PrepaymentReceiptNotice notice = documents.remittanceNotice(city, year, quarter, actor);
        return new NoticeView(notice, notice.total(), notice.total().toChineseCapital());
    }
}
