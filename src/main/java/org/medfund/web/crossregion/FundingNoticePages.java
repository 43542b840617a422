package org.medfund.web.crossregion;

import org.medfund.common.Rejection;
import org.medfund.crossregion.FundingNotices;
import org.medfund.notices.Notice;
import org.medfund.web.MedfundUser;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The signed documents of Henan's cross-region funding (豫财社〔2023〕178号 一(二)(三), 三(四)) as PDF to print and sign
 * and as the printable page the PDF is made from, linked from /crossregion/funding and scoped like it: the joint
 * quarterly remittance notice, the reserve approval and one region's annual clearing statement.
 */
@Controller
class FundingNoticePages {

    private final FundingNotices notices;

    FundingNoticePages(FundingNotices notices) {
        this.notices = notices;
    }

    @GetMapping("/crossregion/funding/remittance-notices/{year}/{quarter}/notice.pdf")
    ResponseEntity<byte[]> remittancePdf(@AuthenticationPrincipal MedfundUser user, @PathVariable String year,
                                         @PathVariable String quarter) {
        return pdf(notices.remittancePdf(user.actor(), year(year), quarter(quarter)));
    }

    @GetMapping("/crossregion/funding/remittance-notices/{year}/{quarter}/notice.html")
    ResponseEntity<String> remittanceHtml(@AuthenticationPrincipal MedfundUser user, @PathVariable String year,
                                          @PathVariable String quarter) {
        return html(notices.remittanceHtml(user.actor(), year(year), quarter(quarter)));
    }

    @GetMapping("/crossregion/funding/reserves/{year}/approval.pdf")
    ResponseEntity<byte[]> reservePdf(@AuthenticationPrincipal MedfundUser user, @PathVariable String year) {
        return pdf(notices.reservePdf(user.actor(), year(year)));
    }

    @GetMapping("/crossregion/funding/reserves/{year}/approval.html")
    ResponseEntity<String> reserveHtml(@AuthenticationPrincipal MedfundUser user, @PathVariable String year) {
        return html(notices.reserveHtml(user.actor(), year(year)));
    }

    @GetMapping("/crossregion/funding/annual-clearings/{year}/{region}/statement.pdf")
    ResponseEntity<byte[]> clearingPdf(@AuthenticationPrincipal MedfundUser user, @PathVariable String year,
                                       @PathVariable String region) {
        return pdf(notices.clearingPdf(user.actor(), year(year), region));
    }

    @GetMapping("/crossregion/funding/annual-clearings/{year}/{region}/statement.html")
    ResponseEntity<String> clearingHtml(@AuthenticationPrincipal MedfundUser user, @PathVariable String year,
                                        @PathVariable String region) {
        return html(notices.clearingHtml(user.actor(), year(year), region));
    }

    /** A year typed into an address bar: refused with the field named, never a framework 400. */
    private static int year(String text) {
        if (!text.strip().matches("\\d{4}")) {
            throw new Rejection("notices.year-invalid", "year", "年度应为四位数字，如 2026：" + text);
        }
        return Integer.parseInt(text.strip());
    }

    private static int quarter(String text) {
        if (!text.strip().matches("[1-4]")) {
            throw new Rejection("crossregion.quarter-invalid", "quarter", "季度应为 1 至 4：" + text);
        }
        return Integer.parseInt(text.strip());
    }

    private static ResponseEntity<byte[]> pdf(Notice notice) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=" + notice.fileName())
                .contentType(MediaType.APPLICATION_PDF).body(notice.pdf());
    }

    private static ResponseEntity<String> html(String page) {
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .body(page);
    }
}
