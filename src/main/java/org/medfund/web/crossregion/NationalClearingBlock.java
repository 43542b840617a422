package org.medfund.web.crossregion;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import org.medfund.common.Money;
import org.medfund.crossregion.NationalClearingLine;
import org.medfund.crossregion.NationalClearingNotices;
import org.medfund.crossregion.NationalClearings;
import org.medfund.crossregion.NationalDirection;
import org.medfund.web.MedfundUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The cross-province block of the funding page /crossregion/funding (henan-2023 四(一)): the national clearing of the
 * month before the page's period (its detail is downloaded and confirmed in the period), each line's 付款 out of the
 * cross-province pot or the employee remittance and 收款 on to the treatment city, with its derivation and vouchers.
 * Added beside the page's own controller, like the annual clearing block.
 */
@ControllerAdvice(assignableTypes = FundingPages.class)
class NationalClearingBlock {

    /** One line as the block shows it. */
    record BlockLine(NationalClearingLine line, String explain, List<NationalClearingNotices.Voucher> vouchers) {
        public String directionLabel() {
            return line.direction() == NationalDirection.INBOUND ? "收款" : "付款";
        }
    }

    /** The cleared month, its lines, and the province's (or the city's) 收款 and 付款. */
    record View(YearMonth month, List<BlockLine> lines, Money received, Money paid) {
    }

    private final NationalClearings national;
    private final NationalClearingNotices notices;
    private final Clock clock;

    NationalClearingBlock(NationalClearings national, NationalClearingNotices notices, Clock clock) {
        this.national = national;
        this.notices = notices;
        this.clock = clock;
    }

    @ModelAttribute("national")
    View national(@AuthenticationPrincipal MedfundUser user, @RequestParam(required = false) YearMonth period,
                  HttpServletRequest request) {
        if (user == null || !request.getRequestURI().endsWith("/crossregion/funding")) {
            return null;
        }
        YearMonth cleared = (period == null ? YearMonth.now(clock) : period).minusMonths(1);
        List<NationalClearingLine> lines = national.lines(cleared, user.actor());
        return new View(cleared, lines.stream().map(l -> new BlockLine(l, l.derivation().explain(),
                notices.vouchers(l))).toList(), sum(lines, NationalDirection.INBOUND),
                sum(lines, NationalDirection.OUTBOUND));
    }

    private static Money sum(List<NationalClearingLine> lines, NationalDirection direction) {
        return lines.stream().filter(l -> l.direction() == direction).map(NationalClearingLine::fundPay)
                .reduce(Money.ZERO, Money::plus);
    }
}
