package org.medfund.prepayment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.medfund.common.Money;

/**
 * Xinyang's fund gate (seed 002 art. 7): a fund is prepaid only when its accumulated balance covers enough months
 * (employee ≥ 12, resident ≥ 6), it had no current-year deficit last year and a 12-month rolling forecast
 * projects none for this year. Otherwise that fund's prepayment is closed for the year, with the reasons.
 *
 * <p>Window (a decision): months payable = accumulated balance at the end of last year ÷ average monthly
 * expenditure of last year's 12 months. Compared exactly (balance × 12 ≥ minimum × expenditure), never in double.
 */
public final class FundGate {

    public static final int WINDOW_MONTHS = 12;

    private FundGate() {
    }

    /** Income and expenditure of one fund in one month (actual for last year, projected for the forecast). */
    public record FundMonth(YearMonth month, Money income, Money expenditure) {
    }

    /**
     * @param lastYear last year's 12 actual months
     * @param forecast the 12 projected months of the rolling forecast for the prepayment year
     */
    public record FundStatus(String insuranceType, Money accumulatedBalance, List<FundMonth> lastYear,
                             List<FundMonth> forecast) {

        public FundStatus {
            lastYear = List.copyOf(lastYear);
            forecast = List.copyOf(forecast);
        }
    }

    /** @param monthsPayable shown rounded down to 2 decimals, so 11.999 never reads as 12.00 */
    public record Result(String insuranceType, boolean open, BigDecimal monthsPayable, BigDecimal monthsPayableMin,
                         Money lastYearResult, Money projectedResult, List<String> reasons) {

        public Result {
            reasons = List.copyOf(reasons);
        }
    }

    public static Result evaluate(FundStatus status, BigDecimal monthsPayableMin, String citation) {
        if (status.lastYear().size() != WINDOW_MONTHS || status.forecast().size() != WINDOW_MONTHS) {
            throw new org.medfund.common.Rejection("prepayment.fund-window", "months",
                    "基金状况须包含上年 12 个月实际数和 12 个月滚动预测数");
        }
        Money expenditure = sum(status.lastYear(), false);
        Money lastYearResult = sum(status.lastYear(), true).minus(expenditure);
        Money projected = sum(status.forecast(), true).minus(sum(status.forecast(), false));
        List<String> reasons = new ArrayList<>();
        BigDecimal balanceTimesWindow = BigDecimal.valueOf(status.accumulatedBalance().fen())
                .multiply(BigDecimal.valueOf(WINDOW_MONTHS));
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
        if (lastYearResult.isNegative()) {
            reasons.add("上年出现当期赤字 " + lastYearResult.toYuanText() + " 元（" + citation + "）");
        }
        if (projected.isNegative()) {
            reasons.add("按 12 个月滚动测算预计本年赤字 " + projected.toYuanText() + " 元（" + citation + "）");
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
