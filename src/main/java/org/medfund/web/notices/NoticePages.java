package org.medfund.web.notices;

import org.medfund.web.MedfundUser;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.medfund.common.Rejection;
import org.medfund.notices.Notice;
import org.medfund.prepayment.PrepaymentNotices;
import org.medfund.settlement.SettlementNotices;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The printable notices as PDF, for staff signed in with a session, linked from the pages they belong to and scoped
 * like them (each owning capability assembles its notice with the user as actor). Served inline so the browser
 * opens its PDF viewer to print; the file name is kept for saving.
 */
@Controller
class NoticePages {

    private final SettlementNotices settlementNotices;
    private final PrepaymentNotices prepaymentNotices;

    NoticePages(SettlementNotices settlementNotices, PrepaymentNotices prepaymentNotices) {
        this.settlementNotices = settlementNotices;
        this.prepaymentNotices = prepaymentNotices;
    }

    /** 结算及拨付通知书 of a hospital for a settlement cycle, from the settlement page's batch lines. */
    @GetMapping("/settlements/notice.pdf")
    ResponseEntity<byte[]> settlementNotice(@AuthenticationPrincipal MedfundUser user,
                                            @RequestParam(required = false) String hospital,
                                            @RequestParam(required = false) String period) {
        return pdf(settlementNotices.settlementNoticePdf(user.actor(), hospital, month(period)));
    }

    @GetMapping("/settlements/payment-batches/{id}/bank-file-summary.pdf")
    ResponseEntity<byte[]> bankFileSummary(@AuthenticationPrincipal MedfundUser user, @PathVariable String id) {
        try {
            return pdf(settlementNotices.bankFileSummaryPdf(user.actor(), Long.parseLong(id)));
        } catch (NumberFormatException e) {
            throw Rejection.notFound("settlement.batch-not-found", "id", "结算批次不存在：" + id);
        }
    }

    @GetMapping("/prepayments/{id}/recoveries/{recoveryId}/notice.pdf")
    ResponseEntity<byte[]> recoveryNotice(@AuthenticationPrincipal MedfundUser user, @PathVariable String id,
                                          @PathVariable String recoveryId) {
        return pdf(prepaymentNotices.recoveryNoticePdf(user.actor(), id, recoveryId));
    }

    @GetMapping("/prepayments/disclosure.pdf")
    ResponseEntity<byte[]> disclosure(@AuthenticationPrincipal MedfundUser user,
                                      @RequestParam(required = false) String year) {
        if (year == null || !year.strip().matches("\\d{4}")) {
            throw new Rejection("notices.year-invalid", "year", "年度应为四位数字，如 2025：" + (year == null ? "未填" : year));
        }
        return pdf(prepaymentNotices.disclosurePdf(user.actor(), Integer.parseInt(year.strip())));
    }

    /** A month typed into a link or address bar: refused with the field named, never a framework 400. */
    private static YearMonth month(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return YearMonth.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new Rejection("notices.period-invalid", "period", "结算月份格式应为 YYYY-MM：" + text);
        }
    }

    private static ResponseEntity<byte[]> pdf(Notice notice) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=" + notice.fileName())
                .contentType(MediaType.APPLICATION_PDF).body(notice.pdf());
    }
}
