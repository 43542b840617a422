package org.medfund.prepayment.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.medfund.common.Money;
import org.medfund.prepayment.FundMonth;
import org.medfund.prepayment.FundStatus;
import org.medfund.prepayment.SettledYear;

/**
 * Xinyang's fund gate (xinyang-2025 art. 7): a fund is prepaid only when its accumulated balance covers enough months
 * (employee ≥ 12, resident ≥ 6) and — where the pack says a deficit blocks — it had no current-year deficit last year
 * and the rolling forecast projects none for this year. Otherwise that fund's prepayment is closed for the year, with
 * the reasons.
 *
 * <p>Window (a decision): months payable = accumulated balance at the end of last year ÷ average monthly
 * expenditure of last year's 12 months. Compared exactly (balance × 12 ≥ minimum × expenditure), never in double.
 */
final class FundGate {

    private FundGate() {
    }

    /** @param monthsPayable shown rounded down to 2 decimals, so 11.999 never reads as 12.00 */
    record Result(String insuranceType, boolean open, BigDecimal monthsPayable, BigDecimal monthsPayableMin,
                         Money lastYearResult, Money projectedResult, List<String> reasons) {

        public Result {
            reasons = List.copyOf(reasons);
        }
    }

    /**
     * @param deficitBlocks whether a deficit last year or a projected one closes the fund ({@code
     *     prepayment.deficit-blocks})
     */
    static Result evaluate(FundStatus status, BigDecimal monthsPayableMin, boolean deficitBlocks,
                                  String citation) {
        if (status.lastYear().size() != SettledYear.MONTHS_PER_YEAR || status.forecast().isEmpty()) {
            throw new IllegalStateException("fund status needs last year's 12 months and a forecast: " + status);
        }
        Money expenditure = sum(status.lastYear(), false);
        Money lastYearResult = sum(status.lastYear(), true).minus(expenditure);
        Money projected = sum(status.forecast(), true).minus(sum(status.forecast(), false));
        List<String> reasons = new ArrayList<>();
        BigDecimal balanceTimesWindow = BigDecimal.valueOf(status.accumulatedBalance().fen())
                .multiply(BigDecimal.valueOf(SettledYear.MONTHS_PER_YEAR));
        BigDecimal monthsPayable;
        if (expenditure.isPositive()) {
            monthsPayable = balanceTimesWindow.divide(BigDecimal.valueOf(expenditure.fen()), 2, RoundingMode.DOWN);
            boolean enough = balanceTimesWindow.compareTo(
                    monthsPayableMin.multiply(BigDecimal.valueOf(expenditure.fen()))) >= 0;
            if (!enough) {
                reasons.add("累计结余可支付月数 " + monthsPayable.toPlainString() + " 个月，低于 "
                        + monthsPayableMin.toPlainString() + " 个月（" + citation + "）");
            }
        } else {
            // No expenditure at all last year: the balance covers any number of months, but the gate is not
            // meaningful; refuse rather than divide by zero.
            monthsPayable = BigDecimal.ZERO;
            reasons.add("上年基金支出为 0，无法计算可支付月数（" + citation + "）");
        }
        if (deficitBlocks && lastYearResult.isNegative()) {
            reasons.add("上年出现当期赤字 " + lastYearResult.toYuanText() + " 元（" + citation + "）");
        }
        if (deficitBlocks && projected.isNegative()) {
            reasons.add("按 " + status.forecast().size() + " 个月滚动测算预计本年赤字 " + projected.toYuanText() + " 元（" + citation + "）");
        }
        return new Result(status.insuranceType(), reasons.isEmpty(), monthsPayable, monthsPayableMin,
                lastYearResult, projected, reasons);
    }

    private static Money sum(List<FundMonth> months, boolean income) {
        Money total = Money.ZERO;
        for (FundMonth month : months) {
            total = total.plus(income ? month.income() : month.expenditure());
        }
        return total;
    }
}
