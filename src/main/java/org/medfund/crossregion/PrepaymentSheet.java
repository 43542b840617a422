package org.medfund.crossregion;

import java.time.LocalDate;
import java.util.List;
import org.medfund.common.Money;

/**
 * 贵州省异地就医费用预付金明细表 of a quarter (guizhou-2017 附件一 一(一)): per city and scope the quota the province
 * centre sized, what the city remits, by when, and how far it has come; issued by the 15th of the quarter's first
 * month.
 *
 * @param basis the document number and article, as a clerk cites them
 */
public record PrepaymentSheet(int year, int quarter, String provinceName, String issuerName, String basis,
                              LocalDate issueDue, List<SheetLine> lines) {

    public PrepaymentSheet {
        lines = List.copyOf(lines);
    }

    /** One quota of the quarter (the quarter's quota or a top-up). */
    public record SheetLine(String quotaId, String cityRegionCode, String cityName, QuotaScope scope, QuotaKind kind,
                       Money level, Money amount, LocalDate remitDue, QuotaState state, String formula) {
    }

    public Money totalLevel() {
        return lines.stream().map(SheetLine::level).reduce(Money.ZERO, Money::plus);
    }

    public Money totalAmount() {
        return lines.stream().map(SheetLine::amount).reduce(Money.ZERO, Money::plus);
    }
}
