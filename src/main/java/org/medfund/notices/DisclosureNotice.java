package org.medfund.notices;

import java.time.LocalDate;
import java.util.List;
import org.medfund.prepayment.DisclosureLine;

/** The annual public disclosure of prepayments (xinyang-2025 art. 19) as a printable sheet. */
public record DisclosureNotice(int year, Party publisher, String basis, List<DisclosureLine> lines,
                               LocalDate printedOn) {

    public DisclosureNotice {
        lines = List.copyOf(lines);
    }
}
