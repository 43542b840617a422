package org.medfund.notices;

import java.time.LocalDate;
import java.util.List;
import org.medfund.common.Money;
import org.medfund.prepayment.Prepayments;

/** The annual public disclosure of prepayments (xinyang-2025 art. 19) as a printable sheet. */
public record DisclosureNotice(int year, Party publisher, String basis, List<Prepayments.DisclosureLine> lines,
                               LocalDate printedOn) {

    public DisclosureNotice {
        lines = List.copyOf(lines);
    }

    /** Totals of the sheet, printed with their 大写 so a signed copy cannot be altered unnoticed. */
    public Money totalSized() {
        return lines.stream().map(Prepayments.DisclosureLine::sized).reduce(Money.ZERO, Money::plus);
    }

    public Money totalDisbursed() {
        return lines.stream().map(Prepayments.DisclosureLine::disbursed).reduce(Money.ZERO, Money::plus);
    }

    public Money totalRecovered() {
        return lines.stream().map(Prepayments.DisclosureLine::recovered).reduce(Money.ZERO, Money::plus);
    }
}
