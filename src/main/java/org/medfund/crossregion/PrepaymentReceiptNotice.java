package org.medfund.crossregion;

import java.time.LocalDate;
import java.util.List;
import org.medfund.common.Money;
import org.medfund.registry.Account;

/**
 * 预付金收款通知书 to one city for a quarter (guizhou-2017 附件一 一(一)(二)(三)): what the city remits for each scope,
 * confirmed by its agency by the 20th and remitted by its finance department by the 30th to the provincial special
 * account ({@code account}: 贵州省财政厅, as the notice publishes it and the registry holds it).
 *
 * @param accountSource where the account details come from, as a clerk cites it
 */
public record PrepaymentReceiptNotice(String number, int year, int quarter, String cityRegionCode, String cityName,
                               String agencyName, String financeName, String issuerName,
                               List<PrepaymentSheet.SheetLine> lines,
                               LocalDate confirmDue, LocalDate remitDue, Account account, String accountSource,
                               String basis) {

    public PrepaymentReceiptNotice {
        lines = List.copyOf(lines);
    }

    public Money total() {
        return lines.stream().map(PrepaymentSheet.SheetLine::amount).reduce(Money.ZERO, Money::plus);
    }
}
