package org.medfund.prepayment;

import java.time.YearMonth;
import org.medfund.common.Money;

/** Income and expenditure of one fund in one month (actual for last year, projected for the forecast). */
public record FundMonth(YearMonth month, Money income, Money expenditure) {
}
