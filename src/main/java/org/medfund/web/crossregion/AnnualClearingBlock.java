package org.medfund.web.crossregion;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.medfund.common.Rejection;
import org.medfund.crossregion.CrossRegionAnnualClearing;
import org.medfund.crossregion.CrossRegionAnnualClearing.AnnualClearing;
import org.medfund.crossregion.CrossRegionFunding;
import org.medfund.crossregion.CrossRegionFunding.RemittanceNotice;
import org.medfund.web.MedfundUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The annual clearing block of the funding page /crossregion/funding (henan-2023 三(四)) and its signed documents: the
 * clearing of the year before the page's year, due by the end of March (shifted), with its lines, the xlsx and each
 * region's statement; the year's reserve approval and quarterly remittance notices as PDF. Added to the page's model
 * here, beside the page's own controller, so the block is this capability's part of the page.
 */
@ControllerAdvice(assignableTypes = FundingPages.class)
class AnnualClearingBlock {

    /** What the block shows: the cleared year, its due date, the clearing if done, and the documents to print. */
    record View(int clearedYear, LocalDate dueDate, AnnualClearing clearing, boolean reserveApproved,
                List<Integer> noticeQuarters) {
    }

    private final CrossRegionAnnualClearing clearing;
    private final CrossRegionFunding funding;
    private final Clock clock;

    AnnualClearingBlock(CrossRegionAnnualClearing clearing, CrossRegionFunding funding, Clock clock) {
        this.clearing = clearing;
        this.funding = funding;
        this.clock = clock;
    }

    @ModelAttribute("annual")
    View annual(@AuthenticationPrincipal MedfundUser user, @RequestParam(required = false) Integer year,
                HttpServletRequest request) {
        int shown = year == null ? LocalDate.now(clock).getYear() : year;
        if (user == null || !request.getRequestURI().endsWith("/crossregion/funding")) {
            return null;
        }
        try {
            var reserve = funding.reserve(shown, user.actor());
            List<Integer> quarters = funding.remittanceNotices(shown, user.actor()).stream()
                    .filter(n -> !n.lines().isEmpty()).map(RemittanceNotice::quarter).toList();
            return new View(shown - 1, clearing.dueDate(shown - 1, user.actor()),
                    clearing.clearing(shown - 1, user.actor()).orElse(null),
                    reserve.filter(r -> r.decision().approvedOn() != null).isPresent(), quarters);
        } catch (Rejection rejected) {
            return null; // the page itself says why (a province without the regime)
        }
    }
}
